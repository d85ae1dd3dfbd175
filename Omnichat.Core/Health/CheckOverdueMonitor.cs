using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Quartz;

namespace Omnichat.Core.Health;

/// <summary>
/// A check that stops must say so. While no run completes (<see cref="CheckOverdueRule"/>) this logs an error once per
/// interval and recovers the trigger: a trigger left "acquired" by an instance that died (on SQLite nobody else recovers
/// it) or blocked by a fired-trigger row that instance never cleared is replaced, and the check runs at once.
/// </summary>
internal sealed class CheckOverdueMonitor(
    CheckScheduleWatch watch,
    CheckRunLog runs,
    ISchedulerFactory schedulers,
    IDbContextFactory<OmnichatDbContext> dbFactory,
    IOptions<HealthCheckOptions> options,
    TimeProvider clock,
    ILogger<CheckOverdueMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? lastAlarm = null;
        var overdueLooks = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var state = await watch.ReadAsync(stoppingToken);
            var poll = TimeSpan.FromTicks(Math.Clamp(state.Interval.Ticks / 2, TimeSpan.FromSeconds(1).Ticks, TimeSpan.FromMinutes(1).Ticks));
            overdueLooks = state.IsOverdue ? overdueLooks + 1 : 0;
            if (state.IsOverdue && (lastAlarm is null || clock.GetUtcNow() - lastAlarm >= state.Interval))
            {
                lastAlarm = clock.GetUtcNow();
                logger.LogError("The integration check is overdue: no run has completed since {LastCompletedAt} (schedule {Schedule}, every {Interval})",
                    state.LastCompletedAt?.ToString("u") ?? "this console started", state.Schedule, state.Interval);
            }
            // Recovered on the second look, so a run that completes meanwhile (on any instance) is not disturbed.
            if (overdueLooks == 2)
            {
                await RecoverAsync(stoppingToken);
            }
            await Task.Delay(poll, clock, stoppingToken);
        }
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (runs.IsRunningHere)
            {
                return;
            }
            await using (var probe = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                if (!probe.Database.IsSqlite())
                {
                    // A clustered store recovers what a dead instance left; deleting fired triggers there could cut a
                    // live instance's run. The error above is all this does.
                    return;
                }
            }
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            // A fired-trigger row of a run that no process is executing would block the replacement trigger too.
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                await db.Database.ExecuteSqlRawAsync(
                    "DELETE FROM QRTZ_FIRED_TRIGGERS WHERE SCHED_NAME = {0} AND JOB_NAME = {1} AND JOB_GROUP = {2}",
                    [scheduler.SchedulerName, IntegrationCheckJob.Key.Name, IntegrationCheckJob.Key.Group], cancellationToken);
            }
            var trigger = ScheduleRegistration.BuildTrigger(options.Value.Schedule);
            await scheduler.RescheduleJob(ScheduleReconciler.TriggerKey, trigger, cancellationToken);
            await scheduler.TriggerJob(IntegrationCheckJob.Key, cancellationToken);
            logger.LogWarning("Replaced the integration check trigger and started a run now");
        }
        catch (Exception ex) when (ex is SchedulerException or DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Could not recover the integration check trigger");
        }
    }
}
