namespace Omnichat.Core.Backfill;

/// <summary>What became of a request to read a window back; the queued gap, clipped to the connection's life.</summary>
public sealed record BackfillRequestOutcome(BackfillRequestKind Kind, GapSummary? Gap = null);
