using System.Net.Http.Headers;
using System.Text.Json;

namespace Omnichat.Core.Facebook;

/// <summary>
/// The highest usage Meta last reported in <c>x-app-usage</c> and <c>x-business-use-case-usage</c> (percent of the
/// limit), shared by every Graph call so the health check can slow down before Meta throttles the app.
/// </summary>
public sealed class GraphUsageMonitor
{
    private int percent;
    private AppUsage? appUsage;

    public int Percent => Volatile.Read(ref percent);

    /// <summary>The three percentages of the last <c>x-app-usage</c> header, for the telemetry gauges; null before one came.</summary>
    public AppUsage? LastAppUsage => Volatile.Read(ref appUsage);

    public void Observe(HttpResponseHeaders headers)
    {
        var highest = -1;
        if (headers.TryGetValues("x-app-usage", out var app))
        {
            highest = Math.Max(highest, app.Select(Highest).DefaultIfEmpty(-1).Max());
            if (AppUsage.Parse(app.FirstOrDefault()) is { } parsed)
            {
                Volatile.Write(ref appUsage, parsed);
            }
        }
        if (headers.TryGetValues("x-business-use-case-usage", out var business))
        {
            highest = Math.Max(highest, business.Select(Highest).DefaultIfEmpty(-1).Max());
        }
        if (highest >= 0)
        {
            Volatile.Write(ref percent, highest);
        }
    }

    // Both headers are JSON; the business one nests arrays of objects per business id. The largest number among
    // call_count, total_time and total_cputime is what decides throttling.
    private static int Highest(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Highest(document.RootElement);
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    private static int Highest(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .Select(p => p.Name is "call_count" or "total_time" or "total_cputime" && p.Value.ValueKind == JsonValueKind.Number
                ? p.Value.GetInt32()
                : Highest(p.Value))
            .DefaultIfEmpty(-1).Max(),
        JsonValueKind.Array => element.EnumerateArray().Select(Highest).DefaultIfEmpty(-1).Max(),
        _ => -1,
    };
}
