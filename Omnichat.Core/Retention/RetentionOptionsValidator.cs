using Microsoft.Extensions.Options;

namespace Omnichat.Core.Retention;

/// <summary>Checks the whole "Retention" section at start and reports every problem at once.</summary>
internal sealed class RetentionOptionsValidator : IValidateOptions<RetentionOptions>
{
    /// <summary>A day at least, so a mistyped unit ("30" read as 30 seconds) never empties a table within the hour.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        var problems = new List<string>();
        foreach (var (key, value) in new[]
        {
            (nameof(RetentionOptions.WebhookBodies), options.WebhookBodies),
            (nameof(RetentionOptions.ParkedEvents), options.ParkedEvents),
            (nameof(RetentionOptions.PassedChecks), options.PassedChecks),
        })
        {
            if (value < Minimum)
            {
                problems.Add($"{RetentionOptions.SectionName}:{key} must be at least a day, e.g. 30.00:00:00 (is {value}).");
            }
        }
        if (options.BatchSize is < 1 or > 100_000)
        {
            problems.Add($"{RetentionOptions.SectionName}:{nameof(RetentionOptions.BatchSize)} must be between 1 and 100000 (is {options.BatchSize}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
