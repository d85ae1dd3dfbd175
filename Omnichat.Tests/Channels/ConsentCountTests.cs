using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Channels;

/// <summary>
/// "已授權 N 個": the count a consent reports is what the team can connect, the same pages the authorized list then
/// offers; what it leaves out is counted by the list's own reasons.
/// </summary>
public sealed class ConsentCountTests : FlowTest
{
    private static int Connectable(FacebookChannelOverview overview) =>
        overview.AuthorizedPages.Count(p => p.Availability is PageAvailability.Available or PageAvailability.ConnectedByThisTeam);

    [Fact]
    public async Task Consent_AllPagesWithOneWhereTheUserIsOnlyAnEditor_CountsThatOneOut()
    {
        var admin = await Driver.CallerAsync(DemoAccounts.Admin.Email);

        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");

        // 31 shops and the trading company's page; the partner page, where Dana is an editor, cannot be connected.
        outcome.AuthorizedPageCount.ShouldBe(32);
        outcome.NotConnectable.ShouldBe(new Dictionary<PageAvailability, int> { [PageAvailability.NotPageAdmin] = 1 });
        var overview = await Driver.OverviewAsync(admin);
        Connectable(overview).ShouldBe(outcome.AuthorizedPageCount);
        overview.AuthorizedPages.Single(p => p.PageId == DemoWorld.PartnerPageId).Availability.ShouldBe(PageAvailability.NotPageAdmin);
    }

    [Fact]
    public async Task Consent_PageAnotherTeamConnected_CountedOutAsConnectedElsewhere_ConnectedHereCountedIn()
    {
        var demo = await Driver.CallerAsync(DemoAccounts.Admin.Email);
        await Driver.ConsentAsync(demo, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(demo, DemoWorld.SharedPageId)).ShouldAllBe(r => r.Succeeded);
        var other = await Driver.CallerAsync("admin@other.local");
        await Driver.ConsentAsync(other, DemoWorld.SamId, "all");
        (await Driver.ConnectAsync(other, DemoWorld.SamPage1Id)).ShouldAllBe(r => r.Succeeded);

        var again = await Driver.ConsentAsync(other, DemoWorld.SamId, "all");

        // Sam's three pages: 台北店 is Demo Shop's; the flagship is connected here already and still counts; the outlet is free.
        again.AuthorizedPageCount.ShouldBe(2);
        again.NotConnectable.ShouldBe(new Dictionary<PageAvailability, int> { [PageAvailability.ConnectedByAnotherTeam] = 1 });
        Connectable(await Driver.OverviewAsync(other)).ShouldBe(2);
    }
}
