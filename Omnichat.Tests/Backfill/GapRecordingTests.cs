using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Backfill;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Backfill;

/// <summary>The windows in which a page may have missed events are recorded from what the check and the consent learn.</summary>
public sealed class GapRecordingTests : FlowTest
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private Caller admin = default!;

    // The back-fill would take the gaps over; here only their recording is looked at.
    protected override void Configure(ConsoleServer server) => server.With("Backfill:Enabled", "false");

    protected override async Task ArrangeAsync()
    {
        admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(admin, Taipei)).ShouldAllBe(r => r.Succeeded);
    }

    private Task<CheckRunSummary> CheckAsync() => Driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

    private async Task<List<EventGap>> GapsAsync()
    {
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        return await db.EventGaps.OrderBy(g => g.DetectedAt).ToListAsync();
    }

    private async Task<DateTimeOffset> LastPassedCheckAsync()
    {
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        return (await db.ConnectionChecks.Where(c => c.Outcome == CheckOutcome.Passed).ToListAsync()).Max(c => c.At);
    }

    [Fact]
    public async Task Check_SubscriptionDroppedAndRepaired_RecordsAClosedGapFromTheLastPassedCheck()
    {
        await CheckAsync();
        var seenSubscribed = await LastPassedCheckAsync();
        await Driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");

        (await CheckAsync()).Repaired.ShouldBe(1);

        var gap = (await GapsAsync()).ShouldHaveSingleItem();
        gap.Cause.ShouldBe(GapCause.Unsubscribed);
        gap.StartedAt.ShouldBe(seenSubscribed);
        gap.EndedAt.ShouldBe(gap.DetectedAt);
        gap.Backfill.ShouldBe(BackfillState.Pending);
    }

    [Fact]
    public async Task Check_NeverPassedBefore_GapStartsWhenThePageWasConnected()
    {
        // Connecting checks the page at once; without that check (inconclusive, or from before it) no check ever passed.
        await using (var checks = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            await checks.ConnectionChecks.ExecuteDeleteAsync();
        }
        await Driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");

        await CheckAsync();

        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        var connection = await db.PageConnections.SingleAsync();
        (await GapsAsync()).ShouldHaveSingleItem().StartedAt.ShouldBe(connection.ConnectedAt);
    }

    [Fact]
    public async Task AppRemoved_GapStaysOpenUntilReauthorized()
    {
        await CheckAsync();
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/remove-app");
        await CheckAsync();
        var open = (await GapsAsync()).ShouldHaveSingleItem();
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/restore");

        await using (var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            var connection = await db.PageConnections.SingleAsync();
            (await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all", OAuthPurpose.Reauthorize, connection.Id)).Kind.ShouldBe(ConsentOutcomeKind.Reauthorized);
        }

        open.Cause.ShouldBe(GapCause.AppRemoved);
        open.EndedAt.ShouldBeNull();
        open.Backfill.ShouldBe(BackfillState.Waiting);
        var closed = (await GapsAsync()).ShouldHaveSingleItem();
        closed.EndedAt.ShouldNotBeNull();
        closed.Backfill.ShouldBe(BackfillState.Pending);
    }

    [Fact]
    public async Task Check_EverythingFine_RecordsNoGap()
    {
        await CheckAsync();
        await CheckAsync();

        (await GapsAsync()).ShouldBeEmpty();
    }
}
