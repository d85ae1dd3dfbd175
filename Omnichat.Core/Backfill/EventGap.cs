namespace Omnichat.Core.Backfill;

/// <summary>
/// A window in which a connection may have missed webhook events, and the back-fill that reads them from the
/// Conversations API once it closes. Meta never replays webhooks (§6.4, §17): this row is all that remembers the window.
/// </summary>
public sealed class EventGap
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConnectionId { get; set; }
    public Guid TeamId { get; set; }
    public required string PageId { get; set; }
    public GapCause Cause { get; set; }
    /// <summary>The earliest instant events may have been missed (e.g. the last check that saw the page subscribed).</summary>
    public DateTimeOffset StartedAt { get; set; }
    /// <summary>When events flow again (re-subscribed, reauthorized, console back up); null while the gap is open.</summary>
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>When the console noticed it.</summary>
    public DateTimeOffset DetectedAt { get; set; }
    public BackfillState Backfill { get; set; }
    /// <summary>A worker holds a running back-fill until then; past it another worker may take it over.</summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? BackfillStartedAt { get; set; }
    public DateTimeOffset? BackfillEndedAt { get; set; }
    public int ConversationsRead { get; set; }
    public int Recovered { get; set; }
    /// <summary>Messages created in the gap that the API would not give (past the 20 most recent, or the high-volume limit).</summary>
    public int Unrecoverable { get; set; }
    /// <summary>Why the back-fill stopped early, as "code/subcode message"; never a token.</summary>
    public string? BackfillError { get; set; }
    /// <summary>The support person who asked for it (for <see cref="GapCause.SupportRequest"/>).</summary>
    public string? RequestedBy { get; set; }
}
