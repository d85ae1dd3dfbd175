using Quartz;

namespace Omnichat.Core.Retention;

/// <summary>The daily clean-up: a thin job over <see cref="RetentionService"/>, never two at once.</summary>
[DisallowConcurrentExecution]
public sealed class RetentionJob(RetentionService retention) : IJob
{
    public static readonly JobKey Key = new("retention", "data");
    public static readonly TriggerKey TriggerKey = new("retention-daily", "data");

    /// <summary>Every day at 03:15 UTC, away from the check on the hour.</summary>
    public const string Schedule = "0 15 3 * * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await retention.RunAsync(cancellationToken);
}
