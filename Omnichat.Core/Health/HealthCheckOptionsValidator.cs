using Microsoft.Extensions.Options;


namespace Omnichat.Core.Health;

internal sealed class HealthCheckOptionsValidator : IValidateOptions<HealthCheckOptions>
{
    public ValidateOptionsResult Validate(string? name, HealthCheckOptions options)
    {
        var problems = new List<string>();
        if (!CronSchedule.IsValid(options.Schedule))
        {
            problems.Add($"HealthCheck:Schedule '{options.Schedule}' is not a Quartz cron expression (hourly is '0 0 * * * ?').");
        }
        if (options.MaxConcurrency is < 1 or > 50)
        {
            problems.Add($"HealthCheck:MaxConcurrency must be between 1 and 50 (is {options.MaxConcurrency}).");
        }
        if (options.MaxRateLimitRetries < 0)
        {
            problems.Add($"HealthCheck:MaxRateLimitRetries must not be negative (is {options.MaxRateLimitRetries}).");
        }
        if (options.RateLimitBackoff < TimeSpan.Zero || options.SlowDownPause < TimeSpan.Zero)
        {
            problems.Add("HealthCheck:RateLimitBackoff and HealthCheck:SlowDownPause must not be negative.");
        }
        if (options.SlowDownAtUsagePercent is < 1 or > 100)
        {
            problems.Add($"HealthCheck:SlowDownAtUsagePercent must be between 1 and 100 (is {options.SlowDownAtUsagePercent}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
