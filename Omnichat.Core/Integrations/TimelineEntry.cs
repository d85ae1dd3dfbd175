using Omnichat.Core.Backfill;
using Omnichat.Core.Channels;
using Omnichat.Core.Health;
using Omnichat.Core.Notifications;

namespace Omnichat.Core.Integrations;

/// <summary>
/// One thing that happened to a connection; which fields are set depends on <see cref="Kind"/>. An inconclusive check
/// carries its <see cref="Reason"/>; an episode that joined a failure already e-mailed carries that e-mail's time in
/// <see cref="JoinedEmailAt"/>.
/// </summary>
public sealed record TimelineEntry(
    DateTimeOffset At,
    TimelineKind Kind,
    ConnectionStatus? Status = null,
    FailureCause? Cause = null,
    CheckOutcome? Outcome = null,
    int? ErrorCode = null,
    int? ErrorSubcode = null,
    string? FbTraceId = null,
    string? Actor = null,
    string? Detail = null,
    EmailSummary? Email = null,
    InconclusiveReason? Reason = null,
    int? HttpStatus = null,
    DateTimeOffset? JoinedEmailAt = null,
    GapSummary? Gap = null);
