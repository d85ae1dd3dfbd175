namespace Omnichat.Core.Backfill;

/// <summary>A gap and its back-fill, as the timeline and the channel page show it.</summary>
public sealed record GapSummary(
    Guid Id,
    GapCause Cause,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    BackfillState State,
    int Recovered,
    int Unrecoverable,
    string? Error)
{
    /// <summary>When the gap belongs on a timeline: when its back-fill ended, else when it closed, else when it was found.</summary>
    public DateTimeOffset At { get; init; }

    public static GapSummary Of(EventGap gap) =>
        new(gap.Id, gap.Cause, gap.StartedAt, gap.EndedAt, gap.Backfill, gap.Recovered, gap.Unrecoverable, gap.BackfillError)
        {
            At = gap.BackfillEndedAt ?? gap.EndedAt ?? gap.DetectedAt,
        };
}
