using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Backfill;

namespace Omnichat.Tests.Backfill;

/// <summary>A page's Conversations API calls never land three in one second at Meta, however late an answer comes.</summary>
public sealed class ConversationsPacerTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);
    private readonly ConversationsPacer pacer;

    public ConversationsPacerTests() => pacer = new ConversationsPacer(Options.Create(new BackfillOptions()), time);

    private void At(double seconds) => time.SetUtcNow(Start.AddSeconds(seconds));

    [Fact]
    public async Task ThirdCall_AnswersCameQuickly_GoesAtTheCallInterval()
    {
        using (await pacer.WaitTurnAsync("p", CancellationToken.None))
        {
            At(0.1);
        }
        At(0.55);
        using (await pacer.WaitTurnAsync("p", CancellationToken.None))
        {
            At(0.65);
        }

        var third = pacer.WaitTurnAsync("p", CancellationToken.None);
        At(1.09);
        third.IsCompleted.ShouldBeFalse();
        At(1.1);
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task ThirdCall_TheFirstAnsweredLate_WaitsASecondAfterThatAnswer()
    {
        var first = await pacer.WaitTurnAsync("p", CancellationToken.None);
        At(0.55);
        var second = await pacer.WaitTurnAsync("p", CancellationToken.None);
        // Meta may have counted the first as late as its answer, 0.9 s in.
        At(0.9);
        first.Dispose();
        At(0.95);
        second.Dispose();

        var third = pacer.WaitTurnAsync("p", CancellationToken.None);
        At(1.5);
        third.IsCompleted.ShouldBeFalse("at 1.1 s it could land within a second of the first");
        At(1.9);
        (await third.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();
    }

    [Fact]
    public async Task OtherPages_KeepTheirOwnPace()
    {
        using (await pacer.WaitTurnAsync("p", CancellationToken.None))
        using (await pacer.WaitTurnAsync("q", CancellationToken.None))
        {
        }
        var other = pacer.WaitTurnAsync("r", CancellationToken.None);

        other.IsCompleted.ShouldBeTrue();
        (await other).Dispose();
    }
}
