using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Integrations;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;
using Omnichat.Tests.Components;

namespace Omnichat.Tests.Integrations;

/// <summary>What support and team admins read of the events kept aside, and who reads what, enforced by the service.</summary>
public sealed class ParkedEventsServiceTests : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"omnichat-parked-{Guid.NewGuid():N}.db");
    private ServiceProvider services = default!;
    private ParkedEventsService service = default!;

    public async Task InitializeAsync()
    {
        services = new ServiceCollection()
            .AddOmnichatDatabase(DatabaseProvider.Sqlite, $"Data Source={databasePath}")
            .AddSingleton(TimeProvider.System)
            .AddIntegrations()
            .BuildServiceProvider();
        service = services.GetRequiredService<ParkedEventsService>();
        await using var db = await CreateDbAsync();
        await db.Database.MigrateAsync();
        ParkedData.Seed(db);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }

    private Task<OmnichatDbContext> CreateDbAsync() => services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();

    private Task<ParkedPageList> ListAsync(Caller caller, ParkedPageQuery? query = null) =>
        service.ListAsync(caller, query ?? new ParkedPageQuery(), CancellationToken.None);

    private Task<ParkedSinceDisconnection?> SinceAsync(Caller caller, Guid connectionId) =>
        service.SinceDisconnectionAsync(caller, connectionId, CancellationToken.None);

    [Fact]
    public async Task List_Support_OneRowPerPageWithCountsAndTimes()
    {
        var rows = (await ListAsync(TestCallers.Support)).Rows.ToDictionary(r => r.PageId);

        rows.Keys.ShouldBe([ParkedData.NeverPageId, ParkedData.SharedPageId], ignoreOrder: true);
        var never = rows[ParkedData.NeverPageId];
        never.EventCount.ShouldBe(3);
        never.MessagingCount.ShouldBe(2);
        never.StandbyCount.ShouldBe(1);
        never.FirstEventAt.ShouldBe(ParkedData.Now.AddDays(-3));
        never.LastEventAt.ShouldBe(ParkedData.Now.AddHours(-1));
        var shared = rows[ParkedData.SharedPageId];
        shared.EventCount.ShouldBe(9);
        shared.StandbyCount.ShouldBe(0);
        shared.FirstEventAt.ShouldBe(ParkedData.Now.AddDays(-11));
        shared.LastEventAt.ShouldBe(ParkedData.Now.AddHours(-6));
    }

    [Fact]
    public async Task List_PageNameAndTeams_FromEveryConnectionIncludingDisconnectedOnes_NewestFirst()
    {
        var rows = (await ListAsync(TestCallers.Support)).Rows.ToDictionary(r => r.PageId);

        var never = rows[ParkedData.NeverPageId];
        never.PageName.ShouldBeNull();
        never.Connections.ShouldBeEmpty();
        var shared = rows[ParkedData.SharedPageId];
        shared.PageName.ShouldBe(ParkedData.SharedPageNameLater);
        shared.Connections.Select(c => (c.TeamName, c.ConnectionId, c.Status)).ShouldBe([
            (ParkedData.OtherShop, ParkedData.OtherConnectionId, ConnectionStatus.Disconnected),
            (TestCallers.DemoShop, ParkedData.DemoConnectionId, ConnectionStatus.Disconnected),
        ]);
    }

    [Fact]
    public async Task List_PageAuthorizedButNeverConnected_NamedAsTheLatestAuthorizationSawIt()
    {
        await using (var db = await CreateDbAsync())
        {
            ParkedData.Authorize(db, TestCallers.DemoShopId, ParkedData.NeverPageId, "Demo Shop 舊名", ParkedData.Now.AddDays(-9));
            ParkedData.Authorize(db, ParkedData.OtherShopId, ParkedData.NeverPageId, "Demo Shop 新竹店", ParkedData.Now.AddDays(-1));
            // A connection's name wins over an authorization's: it is the page the events were meant for.
            ParkedData.Authorize(db, ParkedData.OtherShopId, ParkedData.SharedPageId, "授權看到的名字", ParkedData.Now);
            await db.SaveChangesAsync();
        }

        var rows = (await ListAsync(TestCallers.Support)).Rows.ToDictionary(r => r.PageId);
        var page = await service.GetPageAsync(TestCallers.Support, ParkedData.NeverPageId, 0, 10, CancellationToken.None);

        rows[ParkedData.NeverPageId].PageName.ShouldBe("Demo Shop 新竹店");
        rows[ParkedData.NeverPageId].NeverConnected.ShouldBeTrue();
        rows[ParkedData.SharedPageId].PageName.ShouldBe(ParkedData.SharedPageNameLater);
        rows[ParkedData.SharedPageId].NeverConnected.ShouldBeFalse();
        page!.Summary.PageName.ShouldBe("Demo Shop 新竹店");
    }

    [Theory]
    [InlineData("zh-TW", "從未串接", "已解除串接")]
    [InlineData("en", "Never connected", "Disconnected")]
    public async Task List_Reason_NeverConnectedOrDisconnected_InPlainWords(string culture, string never, string disconnected)
    {
        var rows = (await ListAsync(TestCallers.Support)).Rows.ToDictionary(r => r.PageId);
        var words = ConnectionWords.For(CultureInfo.GetCultureInfo(culture));

        rows[ParkedData.NeverPageId].Reason.ShouldBe(ParkedReason.UnknownPage);
        rows[ParkedData.SharedPageId].Reason.ShouldBe(ParkedReason.Disconnected, "its latest events came after a team had connected it");
        words.Parked(rows[ParkedData.NeverPageId].Reason).ShouldBe(never);
        words.Parked(rows[ParkedData.SharedPageId].Reason).ShouldBe(disconnected);
    }

    [Fact]
    public async Task List_Default_NewestLastEventFirst_EventCountOrderOnRequest()
    {
        var byLast = await ListAsync(TestCallers.Support);
        var oldestFirst = await ListAsync(TestCallers.Support, new ParkedPageQuery(Descending: false));
        var byCount = await ListAsync(TestCallers.Support, new ParkedPageQuery(ParkedPageSort.EventCount));

        byLast.Rows.Select(r => r.PageId).ShouldBe([ParkedData.NeverPageId, ParkedData.SharedPageId]);
        oldestFirst.Rows.Select(r => r.PageId).ShouldBe([ParkedData.SharedPageId, ParkedData.NeverPageId]);
        byCount.Rows.Select(r => r.PageId).ShouldBe([ParkedData.SharedPageId, ParkedData.NeverPageId]);
    }

    [Fact]
    public async Task List_Paging_FiftyPagesAPage_TheTotalCountsPageIds()
    {
        await using (var db = await CreateDbAsync())
        {
            // 60 more pages, each with two events, the newest a minute apart and all older than the seeded ones.
            for (var i = 0; i < 60; i++)
            {
                var pageId = (400000000000000L + i).ToString(CultureInfo.InvariantCulture);
                ParkedData.ParkOne(db, pageId, ParkedData.Now.AddDays(-20).AddMinutes(i));
                ParkedData.ParkOne(db, pageId, ParkedData.Now.AddDays(-30));
            }
            await db.SaveChangesAsync();
        }

        var first = await ListAsync(TestCallers.Support);
        var second = await ListAsync(TestCallers.Support, new ParkedPageQuery(Page: 1));

        first.TotalCount.ShouldBe(62);
        second.TotalCount.ShouldBe(62);
        first.Rows.Count.ShouldBe(50);
        second.Rows.Count.ShouldBe(12);
        first.Rows.Select(r => r.PageId).Take(3).ShouldBe([ParkedData.NeverPageId, ParkedData.SharedPageId, "400000000000059"]);
        second.Rows[^1].PageId.ShouldBe("400000000000000");
        first.Rows.Concat(second.Rows).Select(r => r.LastEventAt).ShouldBeInOrder(SortDirection.Descending);
        first.Rows.Select(r => r.PageId).Intersect(second.Rows.Select(r => r.PageId)).ShouldBeEmpty();
        second.Rows.ShouldAllBe(r => r.EventCount == 2);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("agent")]
    public async Task List_TeamMembers_GetNothing_NotEvenTheirOwnPagesEvents(string who)
    {
        var caller = who == "admin" ? TestCallers.TeamAdmin : TestCallers.Agent;

        (await ListAsync(caller)).ShouldBe(ParkedPageList.Empty);
        (await service.CountPagesAsync(caller, CancellationToken.None)).ShouldBe(0);
        (await service.GetPageAsync(caller, ParkedData.SharedPageId, 0, 50, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task CountPages_Support_CountsPageIds()
    {
        (await service.CountPagesAsync(TestCallers.Support, CancellationToken.None)).ShouldBe(2);
    }

    [Fact]
    public async Task Page_NewestFirst_KindTextAttachmentsAndCustomerReadFromTheJson()
    {
        var page = await service.GetPageAsync(TestCallers.Support, ParkedData.NeverPageId, 0, 50, CancellationToken.None);

        page.ShouldNotBeNull();
        page.Summary.EventCount.ShouldBe(3);
        page.Events.Select(e => (e.Kind, e.Psid, e.Text, e.Standby)).ShouldBe([
            (WebhookEventKind.Postback, ParkedData.SecondPsid, "開始使用", false),
            (WebhookEventKind.Message, ParkedData.Psid, null, true),
            (WebhookEventKind.Message, ParkedData.Psid, "請問有營業嗎？", false),
        ]);
        page.Events[1].AttachmentTypes.ShouldBe(["image", "video"]);
        page.Events.ShouldAllBe(e => e.Reason == ParkedReason.UnknownPage);
    }

    [Fact]
    public async Task Page_EchoesAndReceipts_NamedAsSuch_EchoCustomerIsTheRecipient()
    {
        var page = await service.GetPageAsync(TestCallers.Support, ParkedData.SharedPageId, 0, 50, CancellationToken.None);

        var kinds = page!.Events.Select(e => e.Kind).ToList();
        kinds.ShouldBe([
            WebhookEventKind.Postback, WebhookEventKind.Message, WebhookEventKind.Message, WebhookEventKind.Read, WebhookEventKind.Delivery,
            WebhookEventKind.Echo, WebhookEventKind.Message, WebhookEventKind.Message, WebhookEventKind.Message,
        ]);
        var echo = page.Events.Single(e => e.Kind == WebhookEventKind.Echo);
        echo.Psid.ShouldBe(ParkedData.Psid);
        echo.Text.ShouldBe("typed in Business Suite");
        page.Events.Single(e => e.Kind == WebhookEventKind.Read).Text.ShouldBeNull();
    }

    [Fact]
    public async Task Page_Paged_NextPageContinuesWhereTheFirstStopped()
    {
        var all = (await service.GetPageAsync(TestCallers.Support, ParkedData.SharedPageId, 0, 50, CancellationToken.None))!.Events.Select(e => e.Id).ToList();

        var first = (await service.GetPageAsync(TestCallers.Support, ParkedData.SharedPageId, 0, 4, CancellationToken.None))!;
        var third = (await service.GetPageAsync(TestCallers.Support, ParkedData.SharedPageId, 2, 4, CancellationToken.None))!;

        first.Events.Select(e => e.Id).ShouldBe(all.Take(4));
        third.Events.Select(e => e.Id).ShouldBe(all.Skip(8));
        third.Summary.EventCount.ShouldBe(9);
    }

    [Fact]
    public async Task Page_NothingKept_IsNull()
    {
        (await service.GetPageAsync(TestCallers.Support, ParkedData.LivePageId, 0, 50, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Since_TeamA_CountsOnlyUntilTeamBFirstConnectedThePage()
    {
        var since = await SinceAsync(TestCallers.TeamAdmin, ParkedData.DemoConnectionId);

        since.ShouldNotBeNull();
        since.DisconnectedAt.ShouldBe(ParkedData.DemoDisconnected);
        // Other Shop's row says it connected a day ago; its audit trail knows the first time, two days ago.
        since.Until.ShouldBe(ParkedData.OtherFirstConnected);
        since.Events.ShouldBe(4, "the message, the echo and the two receipts; not the one sent before the disconnection, nor Other Shop's");
        since.CustomerMessages.ShouldBe(1);
    }

    [Fact]
    public async Task Since_TeamB_CountsOnlyAfterItsOwnDisconnection_NothingFromBeforeItsConnection()
    {
        var since = await SinceAsync(ParkedData.OtherAdmin, ParkedData.OtherConnectionId);

        since.ShouldNotBeNull();
        since.DisconnectedAt.ShouldBe(ParkedData.OtherDisconnected);
        since.Until.ShouldBeNull();
        since.Events.ShouldBe(2);
        since.CustomerMessages.ShouldBe(2, "a message and a button tap");
    }

    [Fact]
    public async Task Since_Support_SeesTheSameWindowForAnyTeam()
    {
        (await SinceAsync(TestCallers.Support, ParkedData.DemoConnectionId)).ShouldBe(await SinceAsync(TestCallers.TeamAdmin, ParkedData.DemoConnectionId));
        (await SinceAsync(TestCallers.Support, ParkedData.OtherConnectionId)).ShouldBe(await SinceAsync(ParkedData.OtherAdmin, ParkedData.OtherConnectionId));
    }

    [Fact]
    public async Task Since_AnotherTeamsConnection_AnAgent_OrALiveConnection_IsNull()
    {
        (await SinceAsync(TestCallers.TeamAdmin, ParkedData.OtherConnectionId)).ShouldBeNull();
        (await SinceAsync(ParkedData.OtherAdmin, ParkedData.DemoConnectionId)).ShouldBeNull();
        (await SinceAsync(TestCallers.Agent, ParkedData.DemoConnectionId)).ShouldBeNull();
        (await SinceAsync(TestCallers.TeamAdmin, ParkedData.LiveConnectionId)).ShouldBeNull();
        (await SinceAsync(TestCallers.Support, Guid.NewGuid())).ShouldBeNull();
    }
}
