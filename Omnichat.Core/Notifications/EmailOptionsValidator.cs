using Microsoft.Extensions.Options;
using MimeKit;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Notifications;

/// <summary>Checks the whole "Email" section at start and reports every problem at once, so one restart fixes them all.</summary>
internal sealed class EmailOptionsValidator(DeploymentMode mode) : IValidateOptions<EmailOptions>
{
    private const int MinimumLeaseSeconds = 10;

    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = new List<string>();
        var smtp = options.Smtp;
        if (options.UsesSmtp)
        {
            if (string.IsNullOrWhiteSpace(options.From))
            {
                problems.Add("Email:From is required when Email:Smtp:Host is set.");
            }
            if (smtp.Port is < 1 or > 65535)
            {
                problems.Add($"Email:Smtp:Port must be between 1 and 65535 (is {smtp.Port}).");
            }
            if (string.IsNullOrEmpty(smtp.User) && !string.IsNullOrEmpty(smtp.Password))
            {
                problems.Add("Email:Smtp:Password is set without Email:Smtp:User.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.PickupDirectory))
        {
            problems.Add("Email:PickupDirectory is required when Email:Smtp:Host is not set.");
        }
        if (!string.IsNullOrWhiteSpace(options.From) && !MailboxAddress.TryParse(options.From, out _))
        {
            problems.Add($"Email:From '{options.From}' is not a valid e-mail address.");
        }
        if (!options.UsesSmtp && mode.RequiresProductionSettings)
        {
            problems.Add("Email:Smtp:Host is required outside Development (with Email:From): without an SMTP server reminder " +
                "e-mails are only written as files to Email:PickupDirectory and nobody receives them.");
        }
        if (options.DispatchIntervalSeconds < 1)
        {
            problems.Add($"Email:DispatchIntervalSeconds must be at least 1 (is {options.DispatchIntervalSeconds}).");
        }
        if (options.LeaseSeconds < MinimumLeaseSeconds)
        {
            problems.Add($"Email:LeaseSeconds must be at least {MinimumLeaseSeconds} (is {options.LeaseSeconds}): a send may take half of it.");
        }
        if (options.MaxAttempts < 1)
        {
            problems.Add($"Email:MaxAttempts must be at least 1 (is {options.MaxAttempts}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
