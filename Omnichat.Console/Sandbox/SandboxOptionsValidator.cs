using Microsoft.Extensions.Options;

namespace Omnichat.Console.Sandbox;

public sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StatePath))
        {
            problems.Add("Sandbox:StatePath is required: the file the sandbox keeps its world in.");
        }
        if (!string.IsNullOrEmpty(options.WebhookUrl) && !Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out _))
        {
            problems.Add($"Sandbox:WebhookUrl '{options.WebhookUrl}' must be an absolute URL (or empty for this console).");
        }
        if (!string.IsNullOrEmpty(options.ConsoleUrl)
            && (!Uri.TryCreate(options.ConsoleUrl, UriKind.Absolute, out var console) || console.Scheme is not ("http" or "https")))
        {
            problems.Add($"Sandbox:ConsoleUrl '{options.ConsoleUrl}' must be the console's address, e.g. http://127.0.0.1:5000.");
        }
        foreach (var (key, value) in new[]
        {
            ("Sandbox:WebhookFailureUnsubscribeMinutes", options.WebhookFailureUnsubscribeMinutes),
            ("Sandbox:WebhookRetryDelayMs", options.WebhookRetryDelayMs),
            ("Sandbox:CodeLifetimeMinutes", options.CodeLifetimeMinutes),
            ("Sandbox:ShortLivedTokenSeconds", options.ShortLivedTokenSeconds),
            ("Sandbox:LongLivedTokenSeconds", options.LongLivedTokenSeconds),
            ("Sandbox:DialogSessionMinutes", options.DialogSessionMinutes),
        })
        {
            if (value < 1)
            {
                problems.Add($"{key} must be at least 1 (is {value}).");
            }
        }
        if (options.WebhookRetryMaxDelayMs < options.WebhookRetryDelayMs)
        {
            problems.Add($"Sandbox:WebhookRetryMaxDelayMs ({options.WebhookRetryMaxDelayMs}) must not be below Sandbox:WebhookRetryDelayMs ({options.WebhookRetryDelayMs}).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
