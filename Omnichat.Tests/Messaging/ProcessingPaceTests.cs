using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Messaging;

/// <summary>When webhook processing stands back for the intake, on a fake clock.</summary>
public sealed class ProcessingPaceTests
{
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly WebhookWriteGate gate = new();

    [Fact]
    public void BeforeItHasTimedAnyProcessing_ItNeverHoldsProcessingBack()
    {
        var pace = new ProcessingPace(gate, clock);
        Arrive(5000, TimeSpan.FromMilliseconds(100));

        pace.Overloaded.ShouldBeFalse();
    }

    [Fact]
    public void ArrivalsFasterThanProcessing_AreAnOverload_SlowerOnesAreNot()
    {
        var pace = new ProcessingPace(gate, clock);
        Processed(pace, deliveries: 10, took: TimeSpan.FromMilliseconds(1)); // 10,000 a second

        Arrive(2000, TimeSpan.FromMilliseconds(100)); // 20,000 a second
        pace.Overloaded.ShouldBeTrue();

        Arrive(100, TimeSpan.FromMilliseconds(100)); // 1,000 a second: a steady day, processing keeps up
        pace.Overloaded.ShouldBeFalse();
    }

    [Fact]
    public async Task Rest_EndsWhenTheBurstEnds()
    {
        var pace = new ProcessingPace(gate, clock);
        Processed(pace, 10, TimeSpan.FromMilliseconds(1));
        Arrive(2000, TimeSpan.FromMilliseconds(100));

        var rest = pace.RestWhileOverloadedAsync(CancellationToken.None);
        Arrive(1000, TimeSpan.FromMilliseconds(50));
        rest.IsCompleted.ShouldBeFalse("webhooks still arrive at 20,000 a second");
        Arrive(0, TimeSpan.FromMilliseconds(50));
        Arrive(0, TimeSpan.FromMilliseconds(50));

        await rest.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Rest_NeverLastsLongerThanTheLimit_SoTheInboxKeepsMoving()
    {
        var pace = new ProcessingPace(gate, clock);
        Processed(pace, 10, TimeSpan.FromMilliseconds(1));
        Arrive(2000, TimeSpan.FromMilliseconds(100));

        var rest = pace.RestWhileOverloadedAsync(CancellationToken.None);
        var burst = TimeSpan.Zero;
        while (!rest.IsCompleted && burst < TimeSpan.FromSeconds(5))
        {
            Arrive(1000, TimeSpan.FromMilliseconds(50));
            burst += TimeSpan.FromMilliseconds(50);
            // The rest resumes on the thread pool after each tick; a moment for it to look at the clock.
            await Task.WhenAny(rest, Task.Delay(10));
        }

        await rest.WaitAsync(TimeSpan.FromSeconds(10));
        burst.ShouldBeGreaterThanOrEqualTo(ProcessingPace.MaxRest, "it rests while the burst lasts, up to the limit");
        burst.ShouldBeLessThan(TimeSpan.FromSeconds(5), "it ended while webhooks still arrived at 20,000 a second");
        pace.Overloaded.ShouldBeTrue("the burst goes on; processing takes its turn anyway");
    }

    private void Processed(ProcessingPace pace, int deliveries, TimeSpan took)
    {
        var started = pace.Now;
        clock.Advance(took);
        pace.Processed(deliveries, started);
    }

    private void Arrive(int count, TimeSpan over)
    {
        gate.IntakeQueued(count);
        gate.IntakeQueued(-count);
        clock.Advance(over);
    }
}
