using Microsoft.Extensions.Options;

namespace Omnichat.Core.Receiving;

/// <summary>Checks the whole "Receiving" section at start and reports every problem at once.</summary>
internal sealed class ReceivingOptionsValidator : IValidateOptions<ReceivingOptions>
{
    /// <summary>The daily counts are kept this long (<see cref="ReceivingDay"/>), so the average cannot reach further.</summary>
    public const int MaxDays = 60;

    public ValidateOptionsResult Validate(string? name, ReceivingOptions options)
    {
        var problems = new List<string>();
        if (options.UsualCustomerMessagesPerDay < 1)
        {
            problems.Add($"{ReceivingOptions.SectionName}:{nameof(ReceivingOptions.UsualCustomerMessagesPerDay)} must be at least 1, e.g. 20 (is {options.UsualCustomerMessagesPerDay}).");
        }
        if (options.UsualOverDays is < 1 or > MaxDays)
        {
            problems.Add($"{ReceivingOptions.SectionName}:{nameof(ReceivingOptions.UsualOverDays)} must be between 1 and {MaxDays}, e.g. 7 (is {options.UsualOverDays}).");
        }
        // Shorter than a few minutes would call ordinary pauses between customers silence; longer than the days the
        // average is taken over, the quiet days would drag the average down before the notice could show.
        var days = options.UsualOverDays is >= 1 and <= MaxDays ? options.UsualOverDays : MaxDays;
        if (options.SilentFor < TimeSpan.FromMinutes(5) || options.SilentFor > TimeSpan.FromDays(days))
        {
            problems.Add($"{ReceivingOptions.SectionName}:{nameof(ReceivingOptions.SilentFor)} must be at least 00:05:00 and at most {nameof(ReceivingOptions.UsualOverDays)} days, e.g. 06:00:00 (is {options.SilentFor}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
