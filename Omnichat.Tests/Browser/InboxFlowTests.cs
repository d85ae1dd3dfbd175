using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Browser;

/// <summary>The inbox, clicked: a customer's message appears without a reload, then their name, the agent replies, and a refused reply says FAQ 1's words.</summary>
public sealed class InboxFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string Psid = "7500000000000001";
    private const string SeedMessage = "傳送訊息到 Facebook Messenger 失敗，請檢查 Facebook Messenger 整合是否設置成功";

    [Fact]
    public async Task CustomerMessage_AppearsLive_AgentReplies_FailedReplyShowsTheSeedMessage()
    {
        var server = await StartServerAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        await page.ClickAsync("[data-testid=nav-inbox]");
        await page.Locator("[data-testid=no-conversations]").WaitForAsync();
        (await page.Locator("[data-testid=faq-history]").InnerTextAsync()).ShouldContain("不會同步");
        (await page.Locator("[data-testid=faq-native-inbox]").InnerTextAsync()).ShouldContain("不保證");

        await driver.Sandbox.PostJsonAsync($"pages/{MessengerDriver.Taipei}/customer-messages", new { psid = Psid, text = "請問台北店今天有營業嗎？" });

        var row = page.Locator("[data-testid=conversation-row]");
        await row.WaitForAsync();
        (await row.InnerTextAsync()).ShouldContain("請問台北店今天有營業嗎？");
        (await row.Locator("[data-testid=unread]").InnerTextAsync()).Trim().ShouldBe("1");
        var (firstName, lastName) = CustomerNames.For(Psid);
        var name = CustomerNameFormat.Format(firstName, lastName)!;
        await row.Locator("[data-testid=customer-name]", new() { HasText = name }).WaitForAsync();
        (await row.Locator("[data-testid=customer-psid]").InnerTextAsync()).ShouldBe($"PSID {Psid}");
        await ScreenshotAsync(page, "message-arrived-live");

        await row.ClickAsync();
        await page.Locator("[data-testid=message-text]", new() { HasText = "請問台北店今天有營業嗎？" }).WaitForAsync();
        (await page.Locator("[data-testid=thread-customer] [data-testid=customer-name]").InnerTextAsync()).ShouldBe(name);
        await ScreenshotAsync(page, "thread-customer-named");
        await page.FillAsync("#reply-text", "有的，營業到晚上九點。");
        await page.ClickAsync("[data-testid=reply-send]");

        var reply = page.Locator("[data-testid=message][data-direction=Outbound]", new() { HasText = "有的，營業到晚上九點。" });
        await reply.Locator("[data-testid=delivery-state]", new() { HasText = "已送達" }).WaitForAsync();
        var sent = (await driver.Sandbox.StateAsync()).GetProperty("sentMessages").EnumerateArray().Single();
        sent.GetProperty("text").GetString().ShouldBe("有的，營業到晚上九點。");
        await ScreenshotAsync(page, "reply-delivered");

        await driver.Sandbox.PutAsync($"pages/{MessengerDriver.Taipei}/customers/{Psid}", new { reachability = "blocked" });
        await page.FillAsync("#reply-text", "還在嗎？");
        await page.ClickAsync("[data-testid=reply-send]");

        var failed = page.Locator("[data-testid=failed-reply]");
        await failed.WaitForAsync();
        (await failed.Locator("[data-testid=failed-reply-title]").InnerTextAsync()).Trim().ShouldBe(SeedMessage);
        (await failed.Locator("[data-testid=failed-reply-cause]").InnerTextAsync()).ShouldContain("無法接收訊息");
        (await failed.Locator("[data-testid=failed-reply-guidance]").InnerTextAsync()).ShouldContain("截圖");
        (await failed.Locator("[data-testid=failed-reply-details]").InnerTextAsync()).ShouldContain("551");
        await row.Locator("[data-testid=conversation-failed-reply]").WaitForAsync();
        (await page.Locator(".mud-snackbar").CountAsync()).ShouldBe(0, "the failure is said once, under the reply, not in a toast too");
        await ScreenshotAsync(page, "reply-failed");

        await driver.Sandbox.PutAsync($"pages/{MessengerDriver.Taipei}/customers/{Psid}", new { reachability = "available" });
        await failed.Locator("[data-testid=retry]").ClickAsync();
        await failed.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.Locator("[data-testid=message][data-direction=Outbound]", new() { HasText = "還在嗎？" })
            .Locator("[data-testid=delivery-state]", new() { HasText = "已送達" }).WaitForAsync();
        await row.Locator("[data-testid=conversation-failed-reply]").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await ScreenshotAsync(page, "retry-delivered");
    }

    [Fact]
    public async Task OnAPhone_TappingAConversationShowsIt_AndBackShowsTheList()
    {
        var server = await StartServerAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        await driver.Sandbox.PostJsonAsync($"pages/{MessengerDriver.Taipei}/customer-messages", new { psid = Psid, text = "請問有貨嗎？" });
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 390, Height = 844 });
        await SignInAsync(page, server, DemoAccounts.Agent.Email, DemoAccounts.Password);
        await page.GotoAsync(new Uri(server.BaseAddress, "inbox").ToString());
        await WaitForCircuitAsync(page);
        var row = page.Locator("[data-testid=conversation-row]");
        await row.WaitForAsync();
        (await page.Locator("[data-testid=conversation-pane]").IsVisibleAsync()).ShouldBeFalse("no empty thread pane under the list");
        await ScreenshotAsync(page, "phone-list");

        await row.ClickAsync();

        var message = page.Locator("[data-testid=message-text]", new() { HasText = "請問有貨嗎？" });
        await message.WaitForAsync();
        (await message.IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("[data-testid=conversation-list]").IsVisibleAsync()).ShouldBeFalse("the thread takes the list's place");
        var composer = (await page.Locator("#reply-text").BoundingBoxAsync())!;
        (composer.Y + composer.Height).ShouldBeLessThanOrEqualTo(844 + 200, "the reply box is within reach below the messages");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing is wider than the phone");

        // A message arriving in the open conversation is read there: no unread badge comes back for it.
        await driver.Sandbox.PostJsonAsync($"pages/{MessengerDriver.Taipei}/customer-messages", new { psid = Psid, text = "今天可以取貨嗎？" });
        await page.Locator("[data-testid=message-text]", new() { HasText = "今天可以取貨嗎？" }).WaitForAsync();
        await ScreenshotAsync(page, "phone-thread");

        await page.ClickAsync("[data-testid=back-to-list]");
        await page.Locator("[data-testid=conversation-list]").WaitForAsync();
        (await page.Locator("[data-testid=conversation-pane]").IsVisibleAsync()).ShouldBeFalse();
        await page.WaitForURLAsync(url => url.EndsWith("/inbox", StringComparison.Ordinal));
        (await row.Locator("[data-testid=unread]").CountAsync()).ShouldBe(0, "what was read in the open conversation is not unread");
        ErrorLines(server).ShouldBeEmpty("the flow logged no error");
    }
}
