namespace Omnichat.Core.Facebook.Wire;

internal sealed record ErrorEnvelopeDto
{
    public ErrorDto? Error { get; init; }
}
