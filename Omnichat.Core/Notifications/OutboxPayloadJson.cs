using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichat.Core.Notifications;

/// <summary>
/// The one JSON shape of <see cref="OutboxEmail.Payload"/>: web defaults (camelCase) with enums as their names, so a
/// stored row stays readable and survives reordered enum members. The checker writes and the dispatcher reads with it.
/// </summary>
public static class OutboxPayloadJson
{
    public static readonly JsonSerializerOptions Options = CreateOptions();

    public static string Serialize(ConnectionFailurePayload payload) => JsonSerializer.Serialize(payload, Options);

    /// <summary>Reads a payload; throws <see cref="JsonException"/> for one that names no page, which no retry can fix.</summary>
    public static ConnectionFailurePayload DeserializeConnectionFailure(string json)
    {
        var payload = JsonSerializer.Deserialize<ConnectionFailurePayload>(json, Options);
        if (payload?.Pages is not { Count: > 0 })
        {
            throw new JsonException("The connection failure payload names no page.");
        }
        return payload;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
