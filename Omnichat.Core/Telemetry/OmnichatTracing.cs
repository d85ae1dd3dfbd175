using System.Diagnostics;
using Omnichat.Core.Health;

namespace Omnichat.Core.Telemetry;

/// <summary>
/// The console's own spans: a check run, a webhook delivery's processing, an e-mail dispatch. One process-wide
/// <see cref="ActivitySource"/>, as OpenTelemetry's guidance has it (creating one is costly, and with no listener
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null and costs next to nothing).
/// </summary>
public static class OmnichatTracing
{
    public const string SourceName = "Omnichat.Console";

    public const string CheckRunName = "omnichat.check.run";
    public const string WebhookProcessingName = "omnichat.webhook.process";
    public const string EmailDispatchName = "omnichat.email.dispatch";

    public static readonly ActivitySource Source = new(SourceName);

    public static Activity? StartCheckRun(CheckScope scope) =>
        Source.StartActivity(CheckRunName)?.SetTag("check.scope", OmnichatMetrics.ScopeName(scope));

    /// <param name="storedBy">The requests that stored these deliveries (<see cref="WebhookTraceLinks"/>).</param>
    public static Activity? StartWebhookProcessing(int deliveries, IEnumerable<ActivityLink> storedBy) =>
        Source.StartActivity(WebhookProcessingName, ActivityKind.Internal, parentContext: default, links: storedBy)
            ?.SetTag("webhook.deliveries", deliveries);

    public static Activity? StartEmailDispatch(Guid emailId) =>
        Source.StartActivity(EmailDispatchName)?.SetTag("email.id", emailId.ToString());
}
