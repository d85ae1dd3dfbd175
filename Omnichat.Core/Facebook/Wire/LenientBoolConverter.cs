using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

/// <summary>Meta's subscribed_apps docs print <c>"success": "true"</c> while real answers send a boolean: accept both.</summary>
internal sealed class LenientBoolConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False => false,
        JsonTokenType.String => bool.TryParse(reader.GetString(), out var value) && value,
        JsonTokenType.Number => reader.TryGetInt64(out var number) && number != 0,
        _ => throw new JsonException($"Expected a boolean, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
