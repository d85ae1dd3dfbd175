using System.Net;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Integrations;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Integrations;

/// <summary>
/// Kept-aside events end to end: signed webhooks through the real processor, a page that one team disconnects and
/// another connects, and what support and each team's admin then read, from the service and over HTTP.
/// </summary>
public sealed class ParkedEventsFlowTests : IAsyncLifetime
{
    private const string Psid = "7400000000000001";
    // Dana's and Sam's shared page: Demo Shop can connect it, and so can Other Shop.
    private static readonly string SharedPage = DemoWorld.SharedPageId;
    private static readonly string UnknownPage = DemoWorld.ShopPageId(30);
    private ConsoleServer server = default!;
    private MessengerDriver messenger = default!;
    private ConsentDriver consent = default!;
    private Caller demoAdmin = default!;
    private Caller otherAdmin = default!;
    private Caller support = default!;
    private Guid demoConnection;
    private Guid otherConnection;
    private DateTimeOffset otherConnectedAt;

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync();
        messenger = new MessengerDriver(server);
        consent = new ConsentDriver(server);
        demoAdmin = await consent.CallerAsync(DemoAccounts.Admin.Email);
        otherAdmin = await consent.CallerAsync(DemoAccounts.OtherAdmin.Email);
        support = await consent.CallerAsync(DemoAccounts.Support.Email);

        // Demo Shop connects and disconnects the page; a customer writes, the page's Messenger sends a receipt.
        demoConnection = await messenger.ConnectAsync(SharedPage);
        (await consent.DisconnectAsync(demoAdmin, demoConnection)).ShouldBe(DisconnectOutcome.Disconnected);
        await PostAsync(SharedPage, WebhookJson.Message(Psid, SharedPage, "m_1", "有人在嗎？", Later()));
        await PostAsync(SharedPage, ParkedData.Receipt("delivery", SharedPage, Psid, Later()));
        await PostAsync(UnknownPage, WebhookJson.Message(Psid, UnknownPage, "m_u", "nobody's page", Later()));
        await messenger.AllProcessedAsync();

        // Other Shop connects it: the next message is theirs, in their inbox. Then they disconnect, and two more arrive.
        await Task.Delay(20);
        await consent.ConsentAsync(otherAdmin, DemoWorld.SamId, "all");
        (await consent.ConnectAsync(otherAdmin, SharedPage)).Single().Failure.ShouldBeNull();
        (otherConnection, otherConnectedAt) = await messenger.QueryAsync(db => db.PageConnections
            .Where(c => c.PageId == SharedPage && c.TeamId == otherAdmin.TeamId).Select(c => ValueTuple.Create(c.Id, c.ConnectedAt)).SingleAsync());
        await PostAsync(SharedPage, WebhookJson.Message(Psid, SharedPage, "m_2", "for Other Shop's inbox", Later()));
        await messenger.AllProcessedAsync();
        (await consent.DisconnectAsync(otherAdmin, otherConnection)).ShouldBe(DisconnectOutcome.Disconnected);
        await PostAsync(SharedPage, WebhookJson.Message(Psid, SharedPage, "m_3", "after Other Shop left", Later()));
        await PostAsync(SharedPage, ParkedData.Postback(Psid, SharedPage, "聯絡客服", Later()));
        await messenger.AllProcessedAsync();
    }

    public async Task DisposeAsync()
    {
        consent.Dispose();
        messenger.Dispose();
        await server.DisposeAsync();
    }

    // Meta's timestamps are milliseconds; a moment later than the last step keeps each event on its side of a (dis)connection.
    private static DateTimeOffset Later()
    {
        Thread.Sleep(5);
        return DateTimeOffset.UtcNow;
    }

    private async Task PostAsync(string pageId, System.Text.Json.Nodes.JsonObject e)
    {
        using var response = await messenger.PostWebhookAsync(WebhookJson.Single(pageId, e));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private ParkedEventsService Service => messenger.Service<ParkedEventsService>();

    [Fact]
    public async Task Processor_KeepsAsideOnlyWhatNoConnectionTook_TheMessageBetweenWentToOtherShopsInbox()
    {
        var parked = await messenger.QueryAsync(db => db.ParkedEvents.OrderBy(p => p.Id).Select(p => new { p.PageId, p.Reason }).ToListAsync());
        var inbox = await messenger.QueryAsync(db => db.Messages.Select(m => new { m.TeamId, m.Text }).ToListAsync());

        parked.Count(p => p.PageId == SharedPage && p.Reason == ParkedReason.Disconnected).ShouldBe(4);
        parked.Single(p => p.PageId == UnknownPage).Reason.ShouldBe(ParkedReason.UnknownPage);
        inbox.Single().ShouldBe(new { TeamId = otherAdmin.TeamId!.Value, Text = (string?)"for Other Shop's inbox" });
    }

    [Fact]
    public async Task Since_EachTeamsAdmin_SeesOnlyItsOwnStretch()
    {
        var demo = await Service.SinceDisconnectionAsync(demoAdmin, demoConnection, CancellationToken.None);
        var other = await Service.SinceDisconnectionAsync(otherAdmin, otherConnection, CancellationToken.None);

        demo.ShouldNotBeNull();
        demo.Until.ShouldBe(otherConnectedAt);
        (demo.Events, demo.CustomerMessages).ShouldBe((2, 1));
        other.ShouldNotBeNull();
        other.Until.ShouldBeNull();
        (other.Events, other.CustomerMessages).ShouldBe((2, 2));
        (await Service.SinceDisconnectionAsync(demoAdmin, otherConnection, CancellationToken.None)).ShouldBeNull();
        (await Service.SinceDisconnectionAsync(otherAdmin, demoConnection, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task List_Support_SharedPageNamedWithBothTeams_UnknownPageWithNone()
    {
        var rows = (await Service.ListAsync(support, new ParkedPageQuery(), CancellationToken.None)).Rows.ToDictionary(r => r.PageId);

        rows[SharedPage].Connections.Select(c => c.TeamName).ShouldBe([DemoAccounts.OtherShop, DemoAccounts.DemoShop]);
        rows[SharedPage].Reason.ShouldBe(ParkedReason.Disconnected);
        (rows[SharedPage].EventCount, rows[SharedPage].MessagingCount).ShouldBe((4, 4));
        rows[UnknownPage].Connections.ShouldBeEmpty();
        rows[UnknownPage].Reason.ShouldBe(ParkedReason.UnknownPage);
    }

    [Fact]
    public async Task Http_Support_ReadsTheListAndAPagesEvents()
    {
        using var client = await server.SignInAsync(DemoAccounts.Support.Email);

        var list = await client.GetStringAsync("support/webhooks/parked");
        var events = await client.GetStringAsync($"support/webhooks/parked/{SharedPage}");

        list.ShouldContain("未串接專頁的 Webhook 事件");
        list.ShouldContain($"data-page-id=\"{SharedPage}\"");
        list.ShouldContain($"data-page-id=\"{UnknownPage}\"");
        events.ShouldContain("有人在嗎？");
        events.ShouldContain("聯絡客服");
        events.ShouldContain(Psid);
    }

    [Theory]
    [InlineData("support/webhooks/parked")]
    [InlineData("support/webhooks/parked/104500000000001")]
    public async Task Http_TeamAdmin_IsRefusedTheSupportPages(string path)
    {
        using var client = await server.SignInAsync(DemoAccounts.Admin.Email);

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("AccessDenied");
    }

    [Fact]
    public async Task Http_TeamAdmin_DetailShowsTheCountAndFaq3_NotTheTextNorTheOtherTeam()
    {
        using var client = await server.SignInAsync(DemoAccounts.Admin.Email);

        var html = await client.GetStringAsync($"channels/facebook/connections/{demoConnection}");

        html.ShouldContain("解除串接後，顧客傳到此專頁的訊息：1 則。");
        html.ShouldContain("常見問題 3");
        html.ShouldNotContain("有人在嗎？");
        html.ShouldNotContain("after Other Shop left");
        html.ShouldNotContain(DemoAccounts.OtherShop);
        html.ShouldNotContain("support/webhooks/parked");
    }

    [Fact]
    public async Task Logs_AfterEveryPageWasRead_NeverCarryTheCustomersWords()
    {
        using (var client = await server.SignInAsync(DemoAccounts.Support.Email))
        {
            (await client.GetStringAsync($"support/webhooks/parked/{SharedPage}")).ShouldContain("有人在嗎？");
            await client.GetStringAsync($"support/integrations/{demoConnection}");
        }

        // "after Other Shop left" is plain ASCII: it would show even in JSON that escaped the Chinese.
        var logs = string.Join('\n', server.Logs.Lines);
        logs.ShouldNotContain("有人在嗎");
        logs.ShouldNotContain("after Other Shop left");
        logs.ShouldNotContain("聯絡客服");
    }
}
