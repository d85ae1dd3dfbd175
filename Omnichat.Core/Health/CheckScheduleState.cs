namespace Omnichat.Core.Health;

/// <summary>What /healthz, the log and support's strip say about the scheduled check.</summary>
public sealed record CheckScheduleState(bool SchedulerEnabled, string Schedule, TimeSpan Interval, DateTimeOffset? LastCompletedAt, DateTimeOffset? OverdueSince)
{
    public bool IsOverdue => OverdueSince is not null;
}
