using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichat.Core.Notifications;

/// <summary>How outbox payloads are written and read: one set of options on both sides.</summary>
public static class OutboxPayloadJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };
}
