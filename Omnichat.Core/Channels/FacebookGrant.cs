namespace Omnichat.Core.Channels;

/// <summary>
/// What one Facebook user granted one team in the consent dialog: their long-lived token and scopes. For a
/// <see cref="GrantKind.SystemUser"/> grant the "user" is the client business's system user that Meta created for our
/// app, and the token is that system user's, which never expires.
/// </summary>
public sealed class FacebookGrant
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TeamId { get; set; }
    public GrantKind Kind { get; set; }
    /// <summary>For a system-user grant: the client business the token is tied to (<c>me?fields=client_business_id</c>).</summary>
    public string? ClientBusinessId { get; set; }
    public required string FacebookUserId { get; set; }
    public required string FacebookUserName { get; set; }
    /// <summary>The long-lived user token (or the system user's token), encrypted with Data Protection.</summary>
    public required string ProtectedUserToken { get; set; }
    public DateTimeOffset? UserTokenExpiresAt { get; set; }
    /// <summary>Granted permissions, comma-separated.</summary>
    public string GrantedScopes { get; set; } = "";
    /// <summary>Declined permissions, comma-separated.</summary>
    public string DeclinedScopes { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public List<AuthorizedPage> Pages { get; set; } = [];
}
