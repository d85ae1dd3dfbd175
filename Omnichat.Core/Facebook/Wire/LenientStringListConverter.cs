using System.Text.Json;
using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

/// <summary>debug_token's <c>target_ids</c> are documented as int[] but captured as strings: read either.</summary>
internal sealed class LenientStringListConverter : JsonConverter<List<string>>
{
    private static readonly LenientStringConverter Item = new();

    public override List<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected an array, got {reader.TokenType}.");
        }
        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Item.Read(ref reader, typeof(string), options) is { } item)
            {
                items.Add(item);
            }
        }
        return items;
    }

    public override void Write(Utf8JsonWriter writer, List<string> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
