namespace Omnichat.Core.Messaging;

/// <summary>
/// Lets webhook processing stand back while webhooks arrive faster than it could process them. In such a burst the
/// backlog grows whatever processing does, so its CPU time is better spent on the intake: every 200 answered in time
/// is a webhook Meta does not send again. Processing resumes when the burst ends, and takes a turn at least once a
/// <see cref="MaxRest"/> so the inbox never stands still.
/// </summary>
/// <param name="clock">Real time in the console (<see cref="TimeProvider.System"/>), whatever clock the domain uses:
/// this paces work on the CPU.</param>
internal sealed class ProcessingPace(WebhookWriteGate gate, TimeProvider clock)
{
    public static readonly TimeSpan MaxRest = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RateWindow = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RestStep = TimeSpan.FromMilliseconds(50);

    private double secondsPerDelivery;
    private long sampledCount;
    private long sampledAt = clock.GetTimestamp();
    private double arrivalsPerSecond;

    /// <summary>A timestamp of the pace's clock, to hand back to <see cref="Processed"/>.</summary>
    public long Now => clock.GetTimestamp();

    /// <summary>How long processing took since <paramref name="started"/>, so the pace knows what it can keep up with.</summary>
    public void Processed(int deliveries, long started)
    {
        if (deliveries > 0)
        {
            var sample = clock.GetElapsedTime(started).TotalSeconds / deliveries;
            secondsPerDelivery = secondsPerDelivery == 0 ? sample : 0.8 * secondsPerDelivery + 0.2 * sample;
        }
    }

    /// <summary>True while webhooks arrive faster than processing handles them.</summary>
    public bool Overloaded => ArrivalsPerSecond() * secondsPerDelivery > 1;

    public async Task RestWhileOverloadedAsync(CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        while (Overloaded && clock.GetElapsedTime(started) < MaxRest)
        {
            await Task.Delay(RestStep, clock, cancellationToken);
        }
    }

    private double ArrivalsPerSecond()
    {
        var now = clock.GetTimestamp();
        var elapsed = clock.GetElapsedTime(sampledAt, now);
        if (elapsed >= RateWindow)
        {
            var count = gate.IntakeReceived;
            arrivalsPerSecond = (count - sampledCount) / elapsed.TotalSeconds;
            sampledCount = count;
            sampledAt = now;
        }
        return arrivalsPerSecond;
    }
}
