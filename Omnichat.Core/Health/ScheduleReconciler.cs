using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Omnichat.Core.Health;

/// <summary>
/// Applies a changed <c>HealthCheck:Schedule</c> to the trigger stored in the database. The stored trigger is
/// otherwise kept as it is, so its misfire (a run missed while the console was down) is made up after a restart.
/// </summary>
internal sealed class ScheduleReconciler(
    ISchedulerFactory schedulers,
    IHostApplicationLifetime lifetime,
    IOptions<HealthCheckOptions> options,
    ILogger<ScheduleReconciler> logger) : BackgroundService
{
    public static readonly TriggerKey TriggerKey = new("integration-check-schedule", "health");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        if (await scheduler.GetTrigger(TriggerKey, stoppingToken) is not ICronTrigger stored
            || stored.CronExpressionString == options.Value.Schedule)
        {
            return;
        }
        var replacement = ScheduleRegistration.BuildTrigger(options.Value.Schedule);
        await scheduler.RescheduleJob(TriggerKey, replacement, stoppingToken);
        logger.LogInformation("Integration check schedule changed from {Old} to {New}", stored.CronExpressionString, options.Value.Schedule);
    }
}
