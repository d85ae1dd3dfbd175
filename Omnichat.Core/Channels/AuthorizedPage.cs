namespace Omnichat.Core.Channels;

/// <summary>
/// A page seen through a grant. Pages that a later consent no longer covers are kept with
/// <see cref="IsGranted"/> false, so the console can show them greyed with the reason instead of silently dropping them.
/// </summary>
public sealed class AuthorizedPage
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid GrantId { get; set; }
    public FacebookGrant? Grant { get; set; }
    public Guid TeamId { get; set; }
    public required string PageId { get; set; }
    public required string Name { get; set; }
    public string? PictureUrl { get; set; }
    /// <summary>The user's tasks on the page, comma-separated (order is not stable at Meta; compare as sets).</summary>
    public string Tasks { get; set; } = "";
    /// <summary>The page token from me/accounts, encrypted; null when the page is no longer granted.</summary>
    public string? ProtectedPageToken { get; set; }
    public bool IsGranted { get; set; }
    /// <summary>Required permissions granted for other pages but not for this one, comma-separated.</summary>
    public string MissingScopes { get; set; } = "";
    public DateTimeOffset RefreshedAt { get; set; }
    /// <summary>
    /// Since when this person's token for the page is known not to work (a check, a reply or the deauthorize callback
    /// said so); null while it works or was never found failing. A fresh consent with a new token clears it.
    /// </summary>
    public DateTimeOffset? InvalidSince { get; set; }
    /// <summary>Why the token stopped working, while <see cref="InvalidSince"/> is set.</summary>
    public FailureCause InvalidCause { get; set; }
}
