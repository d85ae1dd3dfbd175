using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

internal sealed record CustomerProfileDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? ProfilePic { get; init; }
}
