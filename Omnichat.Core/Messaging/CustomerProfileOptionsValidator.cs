using Microsoft.Extensions.Options;

namespace Omnichat.Core.Messaging;

internal sealed class CustomerProfileOptionsValidator : IValidateOptions<CustomerProfileOptions>
{
    public ValidateOptionsResult Validate(string? name, CustomerProfileOptions options)
    {
        var problems = new List<string>();
        if (options.BatchSize is < 1 or > 1000)
        {
            problems.Add($"CustomerProfiles:BatchSize must be between 1 and 1000 (is {options.BatchSize}).");
        }
        if (options.Interval <= TimeSpan.Zero)
        {
            problems.Add($"CustomerProfiles:Interval must be positive (is {options.Interval}).");
        }
        if (options.RetryAfter < TimeSpan.Zero)
        {
            problems.Add($"CustomerProfiles:RetryAfter must not be negative (is {options.RetryAfter}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
