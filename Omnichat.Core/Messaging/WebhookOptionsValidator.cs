using Microsoft.Extensions.Options;

namespace Omnichat.Core.Messaging;

/// <summary>Reports every problem of the <c>Webhooks</c> section at once.</summary>
internal sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var problems = new List<string>();
        if (options.MaxBodyBytesInFlight < WebhookReceiver.MaxBodyBytes)
        {
            problems.Add($"{WebhookOptions.SectionName}:{nameof(WebhookOptions.MaxBodyBytesInFlight)} must be at least {WebhookReceiver.MaxBodyBytes} bytes (one body of the largest size accepted).");
        }
        if (options.StoreTimeout <= TimeSpan.Zero || options.StoreTimeout > TimeSpan.FromSeconds(20))
        {
            problems.Add($"{WebhookOptions.SectionName}:{nameof(WebhookOptions.StoreTimeout)} must be more than zero and at most 20 seconds (Meta gives up on a request after about 20 s).");
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
