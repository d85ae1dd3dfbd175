using System.Text.Json.Nodes;

namespace Omnichat.Tests.Messaging;

/// <summary>Webhook bodies in Meta's shapes (§6.2), for tests that post them directly.</summary>
public static class WebhookJson
{
    public static long Ms(DateTimeOffset at) => at.ToUnixTimeMilliseconds();

    public static JsonObject Message(string psid, string pageId, string mid, string text, DateTimeOffset at) => new()
    {
        ["sender"] = new JsonObject { ["id"] = psid },
        ["recipient"] = new JsonObject { ["id"] = pageId },
        ["timestamp"] = Ms(at),
        ["message"] = new JsonObject { ["mid"] = mid, ["text"] = text },
    };

    public static JsonObject Echo(string pageId, string psid, string mid, string text, string appId, DateTimeOffset at, string? metadata = null)
    {
        var message = new JsonObject { ["is_echo"] = true, ["app_id"] = long.Parse(appId, System.Globalization.CultureInfo.InvariantCulture), ["mid"] = mid, ["text"] = text };
        if (metadata is not null)
        {
            message["metadata"] = metadata;
        }
        return new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = pageId },
            ["recipient"] = new JsonObject { ["id"] = psid },
            ["timestamp"] = Ms(at),
            ["message"] = message,
        };
    }

    public static string Envelope(params (string PageId, string Field, JsonObject[] Events)[] entries)
    {
        var array = new JsonArray();
        foreach (var (pageId, field, events) in entries)
        {
            array.Add(new JsonObject
            {
                ["id"] = pageId,
                ["time"] = Ms(DateTimeOffset.UtcNow),
                [field] = new JsonArray([.. events.Select(e => (JsonNode)e.DeepClone())]),
            });
        }
        return new JsonObject { ["object"] = "page", ["entry"] = array }.ToJsonString();
    }

    public static string Single(string pageId, JsonObject e, string field = "messaging") => Envelope((pageId, field, [e]));
}
