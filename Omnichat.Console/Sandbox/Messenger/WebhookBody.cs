using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Sandbox.Messenger;

/// <summary>Builds Meta's envelope around one event, with non-ASCII escaped as \uxxxx as Meta sends it (§6.2, §6.3).</summary>
public static class WebhookBody
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static OutgoingWebhook Build(string pageId, bool standby, string kind, string? mid, JsonObject messagingEvent, DateTimeOffset now)
    {
        var field = standby ? "standby" : "messaging";
        var envelope = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = pageId,
                ["time"] = now.ToUnixTimeMilliseconds(),
                [field] = new JsonArray(messagingEvent),
            }),
        };
        var text = MetaJsonEscaping.Escape(envelope.ToJsonString(Relaxed));
        return new OutgoingWebhook(pageId, field, kind, mid, Encoding.ASCII.GetBytes(text));
    }
}
