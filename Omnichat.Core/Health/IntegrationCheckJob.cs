using Quartz;

namespace Omnichat.Core.Health;

/// <summary>The hourly check: a thin job over <see cref="IntegrationChecker"/>, never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class IntegrationCheckJob(IntegrationChecker checker, CheckRunLog runs) : IJob
{
    public static readonly JobKey Key = new("integration-check", "health");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var running = runs.Running();
        var started = context.FireTimeUtc;
        var summary = await checker.CheckAsync(CheckScope.All, progress: null, cancellationToken);
        await runs.RecordAsync(summary, started, context.Scheduler.SchedulerInstanceId, cancellationToken);
    }
}
