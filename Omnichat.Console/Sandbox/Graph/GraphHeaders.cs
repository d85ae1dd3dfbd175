using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>The one place that decides the headers of every Graph answer, errors included (§8.1, §10.3).</summary>
public static class GraphHeaders
{
    /// <summary>Meta's server revision; any stable number does.</summary>
    public const string Revision = "1029384756";

    public static IReadOnlyList<KeyValuePair<string, string>> For(GraphResult result, string version, FaultSettings faults, string appId)
    {
        var usage = faults.RateLimited ? 100 : Math.Clamp(faults.AppUsagePercent, 0, 100);
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Content-Type", "application/json; charset=UTF-8"),
            new("facebook-api-version", version),
            new("x-fb-trace-id", result.TraceId),
            new("x-fb-rev", Revision),
            new("x-app-usage", new JsonObject { ["call_count"] = usage, ["total_time"] = usage, ["total_cputime"] = usage }.ToJsonString()),
            new("Cache-Control", "private, no-cache, no-store, must-revalidate"),
            new("Pragma", "no-cache"),
            new("Expires", "Sat, 01 Jan 2000 00:00:00 GMT"),
        };
        if (faults.RateLimited || result.UsageObjectId is not null)
        {
            var objectId = result.UsageObjectId ?? appId;
            var entry = new JsonObject
            {
                ["type"] = "pages",
                ["call_count"] = usage,
                ["total_cputime"] = usage,
                ["total_time"] = usage,
                ["estimated_time_to_regain_access"] = faults.RateLimited ? 10 : 0,
            };
            headers.Add(new("x-business-use-case-usage", new JsonObject { [objectId] = new JsonArray(entry) }.ToJsonString()));
        }
        if (result.Error is { } error)
        {
            var message = error.Message.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            headers.Add(new("WWW-Authenticate", $"OAuth \"Facebook Platform\" \"{error.AuthenticateKind}\" \"{message}\""));
        }
        return headers;
    }
}
