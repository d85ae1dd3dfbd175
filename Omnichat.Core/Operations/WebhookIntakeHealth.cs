namespace Omnichat.Core.Operations;

/// <summary>When the webhook endpoint last had to refuse a signed event (answer 503 so Meta retries).</summary>
public sealed class WebhookIntakeHealth(TimeProvider clock)
{
    private long lastRefusalTicks;

    public void RecordRefusal() => Interlocked.Exchange(ref lastRefusalTicks, clock.GetUtcNow().UtcTicks);

    public DateTimeOffset? LastRefusalAt =>
        Interlocked.Read(ref lastRefusalTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;
}
