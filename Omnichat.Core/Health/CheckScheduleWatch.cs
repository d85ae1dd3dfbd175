using Microsoft.Extensions.Options;

namespace Omnichat.Core.Health;

/// <summary>Reads whether the scheduled check is alive, from the runs every instance records.</summary>
public sealed class CheckScheduleWatch(CheckRunLog runs, IOptions<HealthCheckOptions> options, TimeProvider clock)
{
    // Before the first recorded run, the schedule is judged from when this console started watching it.
    private readonly DateTimeOffset watchingSince = clock.GetUtcNow();

    public async Task<CheckScheduleState> ReadAsync(CancellationToken cancellationToken)
    {
        var health = options.Value;
        var now = clock.GetUtcNow();
        if (!health.SchedulerEnabled)
        {
            return new CheckScheduleState(false, health.Schedule, CheckOverdueRule.Interval(health.Schedule, now), null, null);
        }
        var last = await runs.LastCompletedAtAsync(cancellationToken);
        var since = last is { } l && l > watchingSince ? l : watchingSince;
        return new CheckScheduleState(true, health.Schedule, CheckOverdueRule.Interval(health.Schedule, now), last,
            CheckOverdueRule.OverdueSince(health.Schedule, since, now));
    }
}
