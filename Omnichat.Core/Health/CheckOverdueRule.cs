using Quartz;

namespace Omnichat.Core.Health;

/// <summary>
/// The one rule for "the scheduled check stopped": no run completed since the second scheduled time after the last
/// completed run (or after this console started), plus half an interval for the run itself to finish.
/// </summary>
public static class CheckOverdueRule
{
    /// <summary>The time the check became overdue, or null while it is not.</summary>
    public static DateTimeOffset? OverdueSince(string schedule, DateTimeOffset lastCompletedOrStart, DateTimeOffset now)
    {
        var cron = new CronExpression(schedule);
        var first = cron.GetNextValidTimeAfter(lastCompletedOrStart);
        var second = first is { } f ? cron.GetNextValidTimeAfter(f) : null;
        if (first is null || second is null)
        {
            return null;
        }
        var grace = TimeSpan.FromTicks(Math.Min((second.Value - first.Value).Ticks / 2, TimeSpan.FromMinutes(10).Ticks));
        var deadline = second.Value + grace;
        return now > deadline ? deadline : null;
    }

    /// <summary>The gap between two scheduled runs from <paramref name="from"/>, for messages and the log's repeat.</summary>
    public static TimeSpan Interval(string schedule, DateTimeOffset from)
    {
        var cron = new CronExpression(schedule);
        var first = cron.GetNextValidTimeAfter(from);
        var second = first is { } f ? cron.GetNextValidTimeAfter(f) : null;
        return first is not null && second is not null ? second.Value - first.Value : TimeSpan.FromHours(1);
    }
}
