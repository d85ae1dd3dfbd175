using Omnichat.Core.Channels;

namespace Omnichat.Tests.Channels;

public sealed class ChannelChangeNotifierTests
{
    [Fact]
    public async Task Notify_OnlyTheTeamsSubscribersAreCalled()
    {
        var notifier = new ChannelChangeNotifier();
        var team = Guid.NewGuid();
        var calls = new List<string>();
        using var mine = notifier.Subscribe(team, () => { calls.Add("mine"); return Task.CompletedTask; });
        using var other = notifier.Subscribe(Guid.NewGuid(), () => { calls.Add("other"); return Task.CompletedTask; });

        await notifier.NotifyAsync(team);

        calls.ShouldBe(["mine"]);
    }

    [Fact]
    public async Task Notify_AfterDispose_NoLongerCallsThePage()
    {
        var notifier = new ChannelChangeNotifier();
        var team = Guid.NewGuid();
        var calls = 0;
        var subscription = notifier.Subscribe(team, () => { calls++; return Task.CompletedTask; });

        subscription.Dispose();
        await notifier.NotifyAsync(team);

        calls.ShouldBe(0);
    }
}
