namespace Omnichat.Core.Health;

public sealed class HealthCheckOptions
{
    public const string SectionName = "HealthCheck";

    /// <summary>Quartz cron of the integration check; hourly by default, as the help page promises.</summary>
    public string Schedule { get; set; } = "0 0 * * * ?";

    /// <summary>Run the schedule in this process; tests that start many consoles switch it off.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>Batch requests in flight at once.</summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>Two calls per page in batches of 50 operations; off only to measure what batching saves.</summary>
    public bool UseBatch { get; set; } = true;

    /// <summary>How often a throttled batch is tried again before its pages count as inconclusive.</summary>
    public int MaxRateLimitRetries { get; set; } = 3;

    /// <summary>The first wait after a rate-limit answer; doubled on each retry.</summary>
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Above this share of Meta's limit (x-app-usage) the check pauses between batches.</summary>
    public int SlowDownAtUsagePercent { get; set; } = 80;

    public TimeSpan SlowDownPause { get; set; } = TimeSpan.FromSeconds(5);
}
