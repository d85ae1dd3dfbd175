using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Messaging;

public sealed class HandoffTests
{
    /// <summary>Runs <paramref name="take"/> on a thread of its own, as the intake does, and returns that thread too.</summary>
    private static async Task<(Task<bool> Consumer, Thread Thread)> StartConsumerAsync(Func<bool> take)
    {
        var started = new TaskCompletionSource<Thread>();
        var consumer = Task.Factory.StartNew(() =>
        {
            started.SetResult(Thread.CurrentThread);
            return take();
        }, TaskCreationOptions.LongRunning);
        return (consumer, await started.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>
    /// The consumer is blocked in its wait (the handoff does not spin: spinCount 0), which is what "waiting for an
    /// item" means; a fixed sleep only hoped it had got there.
    /// </summary>
    private static bool AsleepWaiting(Thread thread) =>
        SpinWait.SpinUntil(() => (thread.ThreadState & ThreadState.WaitSleepJoin) != 0, TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Take_WaitsForTheFirstItem_ThenTakesEverythingWaitingUpToTheLimit()
    {
        using var handoff = new Handoff<int>();
        var taken = new List<int>();
        var (consumer, thread) = await StartConsumerAsync(() => handoff.Take(taken, 3));

        AsleepWaiting(thread).ShouldBeTrue("the consumer waits for an item");
        consumer.IsCompleted.ShouldBeFalse("nothing was added yet");
        handoff.TryAdd(1).ShouldBeTrue();
        (await consumer.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue();
        taken.ShouldBe([1]);

        foreach (var i in new[] { 2, 3, 4, 5 })
        {
            handoff.TryAdd(i);
        }
        var next = new List<int>();
        handoff.Take(next, 3).ShouldBeTrue();
        next.ShouldBe([2, 3, 4]);
    }

    [Fact]
    public async Task Complete_LetsTheConsumerDrainWhatWasAdded_ThenEnds_AndRefusesNewItems()
    {
        using var handoff = new Handoff<int>();
        handoff.TryAdd(7);
        handoff.TryAdd(8);
        handoff.Complete();

        handoff.TryAdd(9).ShouldBeFalse();
        var taken = new List<int>();
        handoff.Take(taken, 10).ShouldBeTrue();
        taken.ShouldBe([7, 8]);
        taken.Clear();
        (await Task.Run(() => handoff.Take(taken, 10)).WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeFalse();
    }

    [Fact]
    public async Task Complete_WakesAWaitingConsumer()
    {
        using var handoff = new Handoff<int>();
        var (consumer, thread) = await StartConsumerAsync(() => handoff.Take([], 1));
        AsleepWaiting(thread).ShouldBeTrue("the consumer waits for an item");

        handoff.Complete();

        (await consumer.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeFalse();
    }

    [Fact]
    public async Task ManyProducers_EveryItemIsTakenExactlyOnce()
    {
        using var handoff = new Handoff<int>();
        var taken = new List<int>();
        var consumer = Task.Factory.StartNew(() =>
        {
            var batch = new List<int>();
            while (handoff.Take(batch, 16))
            {
                taken.AddRange(batch);
                batch.Clear();
            }
        }, TaskCreationOptions.LongRunning);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(p => Task.Run(() =>
        {
            for (var i = 0; i < 5000; i++)
            {
                handoff.TryAdd(p * 5000 + i);
            }
        })));
        handoff.Complete();
        await consumer.WaitAsync(TimeSpan.FromSeconds(30));

        taken.Order().ShouldBe(Enumerable.Range(0, 40000));
    }
}
