using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

internal sealed record UserDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }
    public string? Name { get; init; }
    /// <summary>Only for a system user's token: the client business that installed the app.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ClientBusinessId { get; init; }
}
