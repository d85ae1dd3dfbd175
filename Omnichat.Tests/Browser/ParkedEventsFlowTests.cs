using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;
using Omnichat.Tests.Integrations;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Browser;

/// <summary>
/// Events kept aside, clicked: support finds the pages that received events without a connection and reads one; the
/// team's admin sees on the disconnected page how many customer messages the inbox will never get.
/// </summary>
public sealed class ParkedEventsFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Psid = "7600000000000001";
    private static readonly string Disconnected = DemoWorld.ShopPageId(2);
    private static readonly string Unknown = DemoWorld.ShopPageId(30);

    [Fact]
    public async Task Support_ReadsTheKeptEvents_Admin_SeesTheCountOnTheDisconnectedPage()
    {
        var server = await StartServerAsync();
        Guid connectionId;
        using (var driver = new MessengerDriver(server))
        {
            connectionId = await driver.ConnectAsync(Disconnected);
            await driver.Service<Core.Channels.ConnectionService>().DisconnectAsync(await driver.AdminAsync(), connectionId, CancellationToken.None);
            await Task.Delay(20);
            var t = DateTimeOffset.UtcNow;
            await PostAsync(driver, Disconnected, WebhookJson.Message(Psid, Disconnected, "m_1", "請問週末有營業嗎？", t));
            await PostAsync(driver, Disconnected, ParkedData.Attachments(Psid, Disconnected, "m_2", t.AddSeconds(1), "image"));
            await PostAsync(driver, Disconnected, WebhookJson.Echo(Disconnected, Psid, "m_3", "有的，十點開門。", DemoWorld.PageInboxAppId, t.AddSeconds(2)));
            await PostAsync(driver, Disconnected, ParkedData.Receipt("read", Disconnected, Psid, t.AddSeconds(3)));
            await PostAsync(driver, Disconnected, ParkedData.Postback(Psid, Disconnected, "查詢訂單", t.AddSeconds(4)), "standby");
            await PostAsync(driver, Unknown, WebhookJson.Message("7600000000000002", Unknown, "m_4", "Is anyone there?", t.AddSeconds(5)));
            await driver.AllProcessedAsync();
        }

        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Support.Email, DemoAccounts.Password);
        await page.ClickAsync("[data-testid=nav-parked-events]");
        await page.Locator("[data-testid=parked-row]").Nth(1).WaitForAsync();
        var rows = page.Locator("[data-testid=parked-row]");
        (await rows.Nth(0).GetAttributeAsync("data-page-id")).ShouldBe(Unknown, "the newest last event first");
        var row = page.Locator("tr", new() { Has = page.Locator($"[data-testid=parked-row][data-page-id='{Disconnected}']") });
        (await row.Locator("[data-testid=parked-reason]").InnerTextAsync()).Trim().ShouldBe("已解除串接");
        (await row.Locator("[data-testid=parked-team]").InnerTextAsync()).ShouldContain(DemoAccounts.DemoShop);
        (await row.Locator("[data-testid=parked-row-count]").InnerTextAsync()).Trim().ShouldBe("5");
        await ScreenshotAsync(page, "support-list");

        await row.Locator("[data-testid=parked-row-link]").ClickAsync();
        await page.Locator("[data-testid=parked-event]").Nth(4).WaitForAsync();
        (await page.Locator("[data-testid=parked-event-text]").AllInnerTextsAsync()).ShouldBe(["查詢訂單", "有的，十點開門。", "請問週末有營業嗎？"]);
        (await page.Locator("[data-testid=parked-event-standby]").CountAsync()).ShouldBe(1);
        await ScreenshotAsync(page, "support-page-events");

        await page.Locator("[data-testid=parked-summary] [data-testid=parked-team] a").ClickAsync();
        var supportNotice = page.Locator("[data-testid=since-disconnection]");
        await supportNotice.WaitForAsync();
        (await supportNotice.GetAttributeAsync("data-events")).ShouldBe("5");
        (await page.Locator("[data-testid=since-disconnection-link]").GetAttributeAsync("href")).ShouldBe($"/support/webhooks/parked/{Disconnected}");
        await ScreenshotAsync(page, "support-connection-detail");

        var admin = await NewPageAsync();
        await SignInAsync(admin, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        await admin.GotoAsync(new Uri(server.BaseAddress, $"channels/facebook/connections/{connectionId}").ToString());
        var notice = admin.Locator("[data-testid=since-disconnection]");
        await notice.WaitForAsync();
        (await notice.GetAttributeAsync("data-messages")).ShouldBe("3", "the message, the attachment and the button tap");
        (await notice.InnerTextAsync()).ShouldContain("常見問題 3");
        (await admin.ContentAsync()).ShouldNotContain("請問週末有營業嗎？");
        await ScreenshotAsync(admin, "admin-disconnected-detail");
    }

    private static async Task PostAsync(MessengerDriver driver, string pageId, System.Text.Json.Nodes.JsonObject e, string field = "messaging")
    {
        using var response = await driver.PostWebhookAsync(WebhookJson.Single(pageId, e, field));
        response.EnsureSuccessStatusCode();
    }
}
