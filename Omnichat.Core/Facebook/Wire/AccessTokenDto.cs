namespace Omnichat.Core.Facebook.Wire;

internal sealed record AccessTokenDto
{
    public string? AccessToken { get; init; }
    public string? TokenType { get; init; }
    public long? ExpiresIn { get; init; }
}
