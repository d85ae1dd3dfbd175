using Omnichat.Core.Channels;

namespace Omnichat.Core.Integrations;

/// <summary>One connection in the integration status list.</summary>
/// <param name="FailingSince">Start of the open failure episode; null while healthy or disconnected.</param>
/// <param name="LastEmail">The newest failure e-mail any of its episodes was announced in.</param>
public sealed record IntegrationRow(
    Guid ConnectionId,
    Guid TeamId,
    string TeamName,
    string PageId,
    string PageName,
    ConnectionStatus Status,
    FailureCause Cause,
    DateTimeOffset? FailingSince,
    DateTimeOffset? LastCheckedAt,
    EmailSummary? LastEmail,
    DateOnly? PlanEndsOn,
    bool PlanEnded);
