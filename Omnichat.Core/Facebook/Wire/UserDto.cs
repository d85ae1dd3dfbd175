using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

internal sealed record UserDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }
    public string? Name { get; init; }
}
