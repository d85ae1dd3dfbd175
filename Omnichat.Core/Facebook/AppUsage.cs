using System.Text.Json;

namespace Omnichat.Core.Facebook;

/// <summary>Meta's <c>x-app-usage</c> header: percent of the app's hourly limits used (§11 of the wire notes).</summary>
public sealed record AppUsage(int CallCount, int TotalTime, int TotalCpuTime)
{
    /// <summary>Null when the header is missing or not the JSON object Meta documents.</summary>
    public static AppUsage? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(header);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                ? new AppUsage(Read(root, "call_count"), Read(root, "total_time"), Read(root, "total_cputime"))
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;
}
