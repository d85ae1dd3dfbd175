using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

internal sealed record SubscribedAppDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }
    public string? Name { get; init; }
    public List<string>? SubscribedFields { get; init; }
}
