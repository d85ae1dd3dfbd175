namespace Omnichat.Core.Channels;

/// <param name="NotCoveredByConsent">The latest consent of its Facebook user no longer covers this page: it works until its token dies.</param>
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
    bool NotCoveredByConsent);
