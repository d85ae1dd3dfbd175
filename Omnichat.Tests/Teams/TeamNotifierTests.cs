using System.Diagnostics;
using Omnichat.Core.Channels;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Teams;

/// <summary>Background work tells open pages of a team; it never waits on them, and a bad page hurts no one else.</summary>
public sealed class TeamNotifierTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private static ChannelChangeNotifier NewNotifier()
    {
        var router = new ChangeRouter();
        return new ChannelChangeNotifier(router, new InProcessChangeBus(router), TimeProvider.System);
    }

    [Fact]
    public async Task Notify_OnlyTheTeamsSubscribersAreCalled()
    {
        var notifier = NewNotifier();
        var team = Guid.NewGuid();
        var mine = 0;
        var other = 0;
        using var a = notifier.Subscribe(team, () => { Interlocked.Increment(ref mine); return Task.CompletedTask; });
        using var b = notifier.Subscribe(Guid.NewGuid(), () => { Interlocked.Increment(ref other); return Task.CompletedTask; });

        await notifier.NotifyAsync(team);

        await Eventually.TrueAsync(() => Volatile.Read(ref mine) == 1, Patience, "the team's page refreshed");
        await Task.Delay(PageSubscription.MinimumGap * 2);
        other.ShouldBe(0);
        mine.ShouldBe(1);
    }

    [Fact]
    public async Task Notify_AfterDispose_NoLongerCallsThePage()
    {
        var notifier = NewNotifier();
        var team = Guid.NewGuid();
        var calls = 0;
        var subscription = notifier.Subscribe(team, () => { Interlocked.Increment(ref calls); return Task.CompletedTask; });
        var witnessed = 0;
        using var second = notifier.Subscribe(team, () => { Interlocked.Increment(ref witnessed); return Task.CompletedTask; });

        subscription.Dispose();
        await notifier.NotifyAsync(team);

        await Eventually.TrueAsync(() => Volatile.Read(ref witnessed) == 1, Patience, "the pages still open refreshed");
        calls.ShouldBe(0);
    }

    [Fact]
    public async Task Notify_ASlowPageAndABrokenPage_NeitherDelaysTheSenderNorStopsTheOthers()
    {
        var notifier = NewNotifier();
        var team = Guid.NewGuid();
        var release = new TaskCompletionSource();
        var healthy = 0;
        using var slow = notifier.Subscribe(team, () => release.Task);
        using var broken = notifier.Subscribe(team, () => throw new ObjectDisposedException("circuit"));
        using var fine = notifier.Subscribe(team, () => { Interlocked.Increment(ref healthy); return Task.CompletedTask; });

        var clock = Stopwatch.StartNew();
        // Bounded, so a sender that waited for the slow page fails here instead of hanging the run.
        await notifier.NotifyAsync(team).WaitAsync(TimeSpan.FromSeconds(5));
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1), "the check, a webhook or the outbox does not wait for pages");

        await Eventually.TrueAsync(() => Volatile.Read(ref healthy) == 1, Patience, "the healthy page refreshed");
        release.SetResult();
    }

    [Fact]
    public async Task Notify_ABurst_RefreshesAPageAFewTimesAndAfterTheLastChange()
    {
        var notifier = NewNotifier();
        var team = Guid.NewGuid();
        var refreshes = 0;
        var lastSeen = 0;
        var changes = 0;
        using var page = notifier.Subscribe(team, () =>
        {
            Interlocked.Increment(ref refreshes);
            Volatile.Write(ref lastSeen, Volatile.Read(ref changes));
            return Task.CompletedTask;
        });

        for (var i = 0; i < 200; i++)
        {
            Interlocked.Increment(ref changes);
            await notifier.NotifyAsync(team);
        }

        await Eventually.TrueAsync(() => Volatile.Read(ref lastSeen) == 200, Patience, "the last refresh saw the last change");
        await Task.Delay(PageSubscription.MinimumGap * 2);
        refreshes.ShouldBeLessThanOrEqualTo(5, "200 changes in a moment are a few refreshes, not 200");
    }
}
