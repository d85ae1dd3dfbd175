namespace Omnichat.Core.Channels;

/// <summary>
/// One consent-dialog round trip. Only the SHA-256 of the state value is stored; it is bound to the user and team
/// that opened the dialog and can be consumed once.
/// </summary>
public sealed class OAuthState
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string StateHash { get; set; }
    public required string UserId { get; set; }
    public Guid TeamId { get; set; }
    public OAuthPurpose Purpose { get; set; }
    public Guid? ConnectionId { get; set; }
    public required string RedirectUri { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
}
