using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

internal sealed class JsonArrayDtoConverter : JsonConverter<JsonArrayDto>
{
    public override JsonArrayDto? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("a batch answer is an array");
        }
        using var document = JsonDocument.ParseValue(ref reader);
        return new JsonArrayDto(document.RootElement.EnumerateArray().Select(e => e.Clone()).ToList());
    }

    public override void Write(Utf8JsonWriter writer, JsonArrayDto value, JsonSerializerOptions options) =>
        throw new NotSupportedException("batch answers are only read");
}
