using Omnichat.Console.Components.Shared;

namespace Omnichat.Tests.Components.Shared;

public sealed class LatestLoadTests
{
    [Fact]
    public async Task OlderLoadFinishingLast_DoesNotOverwriteTheNewerOne()
    {
        var loads = new LatestLoad();
        var shown = "nothing";
        var before = new TaskCompletionSource<string>();
        var after = new TaskCompletionSource<string>();

        var first = loads.RunAsync(() => before.Task, v => shown = v);
        var second = loads.RunAsync(() => after.Task, v => shown = v);
        after.SetResult("page broken");
        (await second).ShouldBeTrue();
        before.SetResult("all healthy");
        (await first).ShouldBeFalse();

        shown.ShouldBe("page broken");
    }

    [Fact]
    public async Task LoadsInTurn_EachIsApplied()
    {
        var loads = new LatestLoad();
        var shown = new List<int>();

        await loads.RunAsync(() => Task.FromResult(1), shown.Add);
        await loads.RunAsync(() => Task.FromResult(2), shown.Add);

        shown.ShouldBe([1, 2]);
    }
}
