using Omnichat.Core.Receiving;

namespace Omnichat.Core.Channels;

/// <param name="NotCoveredByConsent">The latest consent of its Facebook user no longer covers this page: the token it runs on has ended.</param>
/// <param name="LastReauthorizedAt">When 重新授權 last succeeded for it, so the tab that opened the dialog can say it worked.</param>
/// <param name="Receiving">When it last received an event and a customer message, and whether it may not be receiving.</param>
/// <param name="Authorizations">Each team member's authorization that can run the page or did until it ended, the one in use first.</param>
/// <param name="SuggestsSystemUser">
/// The page moved to a backup authorization at least twice and runs on a person's: the tab suggests authorizing as
/// the business's system user (<see cref="Channels.Authorizations.SuggestsSystemUser"/>).
/// </param>
public sealed record ConnectionView(
    Guid Id,
    string PageId,
    string PageName,
    ConnectionStatus Status,
    FailureCause Cause,
    string ConnectedByName,
    DateTimeOffset ConnectedAt,
    string? FacebookUserName,
    DateTimeOffset? LastCheckedAt,
    bool NotCoveredByConsent,
    DateTimeOffset? LastReauthorizedAt = null,
    IReadOnlyList<AuthorizationView>? Authorizations = null,
    ReceivingView? Receiving = null,
    bool SuggestsSystemUser = false)
{
    public IReadOnlyList<AuthorizationView> AuthorizationList => Authorizations ?? [];
}
