using Microsoft.Extensions.Options;

namespace Omnichat.Core.Backfill;

/// <summary>Checks the whole "Backfill" section at start and reports every problem at once.</summary>
internal sealed class BackfillOptionsValidator : IValidateOptions<BackfillOptions>
{
    public ValidateOptionsResult Validate(string? name, BackfillOptions options)
    {
        var problems = new List<string>();
        void Positive(string key, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"{BackfillOptions.SectionName}:{key} must be positive, e.g. 00:00:30 (is {value}).");
            }
        }
        Positive(nameof(BackfillOptions.PollInterval), options.PollInterval);
        Positive(nameof(BackfillOptions.FirstBackoff), options.FirstBackoff);
        Positive(nameof(BackfillOptions.MaxBackoff), options.MaxBackoff);
        Positive(nameof(BackfillOptions.Lease), options.Lease);
        Positive(nameof(BackfillOptions.HeartbeatInterval), options.HeartbeatInterval);
        Positive(nameof(BackfillOptions.DowntimeThreshold), options.DowntimeThreshold);
        // Meta's limit is 2 calls per second per page: anything faster is refused with 80006.
        if (options.CallInterval < TimeSpan.FromMilliseconds(500))
        {
            problems.Add($"{BackfillOptions.SectionName}:{nameof(BackfillOptions.CallInterval)} must be at least 00:00:00.5, Meta's 2 calls per second (is {options.CallInterval}).");
        }
        if (options.MaxRateLimitRetries is < 0 or > 100)
        {
            problems.Add($"{BackfillOptions.SectionName}:{nameof(BackfillOptions.MaxRateLimitRetries)} must be between 0 and 100 (is {options.MaxRateLimitRetries}).");
        }
        if (options.ParallelPages is < 1 or > 100)
        {
            problems.Add($"{BackfillOptions.SectionName}:{nameof(BackfillOptions.ParallelPages)} must be between 1 and 100 (is {options.ParallelPages}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
