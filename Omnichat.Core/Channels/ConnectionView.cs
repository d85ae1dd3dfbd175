namespace Omnichat.Core.Channels;

/// <param name="NotCoveredByConsent">The latest consent of its Facebook user no longer covers this page: it works until its token dies.</param>
/// <param name="LastReauthorizedAt">When 重新授權 last succeeded for it, so the tab that opened the dialog can say it worked.</param>
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
    DateTimeOffset? LastReauthorizedAt = null);
