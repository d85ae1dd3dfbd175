using System.Net;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Messaging;

/// <summary>The webhook endpoint over real HTTP: handshake, signature, storage before the 200, and what processing makes of it.</summary>
public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private const string Psid = "7112233445566778";
    private ConsoleServer server = default!;
    private MessengerDriver driver = default!;

    private static string Taipei => MessengerDriver.Taipei;

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync(s => s.With("Facebook:WebhookVerifyToken", "verify-me"));
        driver = new MessengerDriver(server);
    }

    public async Task DisposeAsync()
    {
        driver.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Handshake_RightToken_EchoesChallenge_WrongToken_Is403()
    {
        using var ok = await driver.Http.GetAsync("webhooks/facebook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=verify-me");
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadAsStringAsync()).ShouldBe("1158201444");

        using var wrong = await driver.Http.GetAsync("webhooks/facebook?hub.mode=subscribe&hub.challenge=1&hub.verify_token=nope");
        wrong.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var mode = await driver.Http.GetAsync("webhooks/facebook?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=verify-me");
        mode.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_BadOrMissingSignature_Is403AndStoresNothing_BadJson_Is400()
    {
        var json = WebhookJson.Single(Taipei, WebhookJson.Message(Psid, Taipei, "m_1", "hi", DateTimeOffset.UtcNow));

        using var wrong = await driver.PostWebhookAsync(json, signature: "sha256=" + new string('0', 64));
        using var missing = await driver.PostWebhookAsync(json, sign: false);
        using var otherSecret = await driver.PostWebhookAsync(json, signature: Core.Facebook.WebhookSignature.Sign(System.Text.Encoding.UTF8.GetBytes(json), "not-the-secret"));
        using var badJson = await driver.PostWebhookAsync("{\"object\":\"page\",\"entry\":[");

        wrong.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        missing.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        otherSecret.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        badJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await driver.QueryAsync(db => db.WebhookDeliveries.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Post_Duplicates_AreStoredTwiceButProcessedOnce()
    {
        await driver.ConnectAsync();
        var json = WebhookJson.Single(Taipei, WebhookJson.Message(Psid, Taipei, "m_dup", "請問今天有開嗎？", DateTimeOffset.UtcNow));

        (await driver.PostWebhookAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await driver.PostWebhookAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await driver.AllProcessedAsync();

        (await driver.QueryAsync(db => db.WebhookDeliveries.CountAsync())).ShouldBe(2);
        var messages = await driver.QueryAsync(db => db.Messages.Where(m => m.Mid == "m_dup").ToListAsync());
        messages.Single().Text.ShouldBe("請問今天有開嗎？");
        (await driver.QueryAsync(db => db.Conversations.SingleAsync())).UnreadCount.ShouldBe(1);
    }

    [Fact]
    public async Task Post_BatchedEntries_EveryEventOfEveryEntryIsProcessed_InTimestampOrder()
    {
        await driver.ConnectAsync();
        var t = DateTimeOffset.UtcNow;
        var json = WebhookJson.Envelope(
            (Taipei, "messaging", [WebhookJson.Message(Psid, Taipei, "m_b3", "third", t.AddSeconds(3)), WebhookJson.Message(Psid, Taipei, "m_b1", "first", t.AddSeconds(1))]),
            (Taipei, "messaging", [WebhookJson.Message("7000000000000002", Taipei, "m_b2", "other person", t.AddSeconds(2))]));

        (await driver.PostWebhookAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await driver.AllProcessedAsync();

        (await driver.QueryAsync(db => db.Messages.CountAsync())).ShouldBe(3);
        (await driver.QueryAsync(db => db.Conversations.CountAsync())).ShouldBe(2);
        var preview = await driver.QueryAsync(db => db.Conversations.SingleAsync(c => c.Psid == Psid));
        preview.LastMessagePreview.ShouldBe("third", "out-of-order events are sorted by timestamp");
    }

    [Fact]
    public async Task Post_UnknownAndDisconnectedPages_AreKeptAside()
    {
        var connectionId = await driver.ConnectAsync(DemoWorld.ShopPageId(2));
        var admin = await driver.AdminAsync();
        await driver.Service<ConnectionService>().DisconnectAsync(admin, connectionId, CancellationToken.None);
        var unknown = DemoWorld.ShopPageId(3);
        var json = WebhookJson.Envelope(
            (unknown, "messaging", [WebhookJson.Message(Psid, unknown, "m_u", "anyone?", DateTimeOffset.UtcNow)]),
            (DemoWorld.ShopPageId(2), "messaging", [WebhookJson.Message(Psid, DemoWorld.ShopPageId(2), "m_d", "hello?", DateTimeOffset.UtcNow)]));

        (await driver.PostWebhookAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await driver.AllProcessedAsync();

        var parked = await driver.QueryAsync(db => db.ParkedEvents.OrderBy(p => p.PageId).ToListAsync());
        parked.Select(p => (p.PageId, p.Reason)).ShouldBe([(DemoWorld.ShopPageId(2), ParkedReason.Disconnected), (unknown, ParkedReason.UnknownPage)]);
        parked[0].EventJson.ShouldContain("hello?");
        (await driver.QueryAsync(db => db.Messages.CountAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task Echoes_FromFacebookInbox_AreLabelled_OurOwnAreRecognisedByMetadata()
    {
        await driver.ConnectAsync();
        var t = DateTimeOffset.UtcNow;
        (await driver.PostWebhookAsync(WebhookJson.Single(Taipei, WebhookJson.Message(Psid, Taipei, "m_in", "hi", t)))).EnsureSuccessStatusCode();
        (await driver.PostWebhookAsync(WebhookJson.Single(Taipei,
            WebhookJson.Echo(Taipei, Psid, "m_fb", "typed in Business Suite", DemoWorld.PageInboxAppId, t.AddSeconds(1))))).EnsureSuccessStatusCode();
        (await driver.PostWebhookAsync(WebhookJson.Single(Taipei,
            WebhookJson.Echo(Taipei, Psid, "m_other", "from a bot", DemoWorld.OtherAppId, t.AddSeconds(2))))).EnsureSuccessStatusCode();
        (await driver.PostWebhookAsync(WebhookJson.Single(Taipei,
            WebhookJson.Echo(Taipei, Psid, "m_ours", "ours without a stored reply", driver.AppId, t.AddSeconds(3))))).EnsureSuccessStatusCode();
        await driver.AllProcessedAsync();

        var echoes = await driver.QueryAsync(db => db.Messages.Where(m => m.Direction == MessageDirection.Outbound).ToDictionaryAsync(m => m.Mid!));
        echoes["m_fb"].EchoSource.ShouldBe(EchoSource.FacebookInbox);
        echoes["m_other"].EchoSource.ShouldBe(EchoSource.OtherApp);
        echoes["m_ours"].EchoSource.ShouldBe(EchoSource.ThisConsole);
        (await driver.QueryAsync(db => db.Conversations.SingleAsync())).UnreadCount.ShouldBe(1, "echoes are the page's own words, not unread");
    }

    [Fact]
    public async Task Standby_MarksNotMessengerReceiverWithEpisodeAndEmail_MessagingAgainClearsIt()
    {
        var connectionId = await driver.ConnectAsync();
        var t = DateTimeOffset.UtcNow;

        (await driver.PostWebhookAsync(WebhookJson.Single(Taipei, WebhookJson.Message(Psid, Taipei, "m_s1", "on standby", t), "standby"))).EnsureSuccessStatusCode();
        await driver.EventuallyAsync(db => db.PageConnections.AnyAsync(c => c.Id == connectionId && c.Status == ConnectionStatus.NotMessengerReceiver),
            "standby events mark the connection");

        (await driver.QueryAsync(db => db.Messages.SingleAsync(m => m.Mid == "m_s1"))).FromStandby.ShouldBeTrue("the customer's words are kept");
        (await driver.QueryAsync(db => db.FailureEpisodes.CountAsync(e => e.ConnectionId == connectionId && e.EndedAt == null))).ShouldBe(1);
        (await driver.QueryAsync(db => db.OutboxEmails.CountAsync())).ShouldBe(1);

        (await driver.PostWebhookAsync(WebhookJson.Single(Taipei, WebhookJson.Message(Psid, Taipei, "m_s2", "on standby again", t.AddSeconds(1)), "standby"))).EnsureSuccessStatusCode();
        (await driver.PostWebhookAsync(WebhookJson.Single(Taipei, WebhookJson.Message(Psid, Taipei, "m_s3", "back on messaging", t.AddSeconds(2))))).EnsureSuccessStatusCode();
        await driver.EventuallyAsync(db => db.PageConnections.AnyAsync(c => c.Id == connectionId && c.Status == ConnectionStatus.Healthy),
            "messaging events clear it");
        (await driver.QueryAsync(db => db.FailureEpisodes.CountAsync(e => e.ConnectionId == connectionId && e.EndedAt == null))).ShouldBe(0);
        (await driver.QueryAsync(db => db.OutboxEmails.CountAsync())).ShouldBe(1, "one e-mail per episode");
    }
}
