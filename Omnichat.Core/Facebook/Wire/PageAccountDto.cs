using System.Text.Json.Serialization;

namespace Omnichat.Core.Facebook.Wire;

internal sealed record PageAccountDto
{
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AccessToken { get; init; }
    public List<string>? Tasks { get; init; }
    public PictureDto? Picture { get; init; }
}

/// <summary><c>picture</c> is <c>{"data": {"url": ...}}</c>.</summary>
internal sealed record PictureDto
{
    public PictureDataDto? Data { get; init; }
}

internal sealed record PictureDataDto
{
    public string? Url { get; init; }
}
