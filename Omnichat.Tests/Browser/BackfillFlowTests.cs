using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Omnichat.Console.Resources;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Browser;

/// <summary>
/// What an outage missed, clicked: Meta dropped the page's subscription and customers wrote meanwhile; 檢查所有專頁
/// subscribes it again and the channels page tells the gap and what came back. A message the console never heard of
/// is read back with 補回訊息 on the connection's detail. In the inbox every recovered message carries 於中斷後補回.
/// </summary>
public sealed class BackfillFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Taipei = MessengerDriver.Taipei;
    private const string FirstCustomer = "7600000000000001";
    private const string SecondCustomer = "7600000000000002";
    private const string SecondMessage = "我昨天傳的訊息有收到嗎？";

    [Fact]
    public async Task GapOnTheChannelsPage_BackfillRecovers_InboxMarksTheRecoveredMessages()
    {
        var server = await StartServerAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        // A gap starting at the connection begins at its next whole second (Graph's precision): let that second pass.
        await Task.Delay(1100);
        await driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");
        await WriteAsync(driver, FirstCustomer, "請問還有貨嗎？");
        await WriteAsync(driver, FirstCustomer, "想訂兩件");
        await SettledAsync(driver, 2);

        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 1400, Height = 900 });
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        await page.GotoAsync(new Uri(server.BaseAddress, "channels/facebook").ToString());
        await WaitForCircuitAsync(page);
        await page.ClickAsync("[data-testid=check-all]");

        // The check subscribes the page again, which closes the gap and starts its back-fill; the line updates by itself.
        var gapLine = page.Locator("[data-testid=connection-gap]");
        await Assertions.Expect(gapLine).ToHaveTextAsync(GapSentence(nameof(SharedStrings.Gap_RecoveredAll), 2), new() { Timeout = 60_000 });
        await ScreenshotAsync(page, "channels-gap-desktop");

        // A message Meta never delivered and no check noticed (the page is unsubscribed again; the next hourly check is far).
        await driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");
        await WriteAsync(driver, SecondCustomer, SecondMessage);
        await SettledAsync(driver, 3);
        await page.ClickAsync("[data-testid=connection-detail-link]");
        var run = page.Locator("button[data-testid=backfill-run]");
        await run.WaitForAsync();
        await ScreenshotAsync(page, "detail-before-backfill-desktop");
        await run.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(Prefix(nameof(SupportStrings.BackfillQueued)));

        var recoveredEntry = page.Locator("[data-testid=timeline-gap]", new() { HasText = Text.ZhTw(SharedStrings.ResourceManager, nameof(SharedStrings.GapCause_SupportRequest)) });
        await Assertions.Expect(recoveredEntry).ToContainTextAsync(GapSentence(nameof(SharedStrings.Gap_RecoveredAll), 1), new() { Timeout = 60_000 });
        await ScreenshotAsync(page, "detail-after-backfill-desktop");

        await page.ClickAsync("[data-testid=nav-inbox]");
        var rows = page.Locator("[data-testid=conversation-row]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        // Threads that received recovered messages are unread, so someone looks at them.
        await Assertions.Expect(rows.Locator("[data-testid=unread]")).ToHaveCountAsync(2);
        await ScreenshotAsync(page, "inbox-list-desktop");
        await FirstCustomersRow(rows).ClickAsync();
        var recovered = page.Locator("[data-testid=message]", new() { Has = page.Locator("[data-testid=message-recovered]") });
        await Assertions.Expect(recovered).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=message-recovered]").First).ToHaveTextAsync(Text.ZhTw(InboxStrings.ResourceManager, nameof(InboxStrings.Recovered)));
        await ScreenshotAsync(page, "inbox-recovered-desktop");

        // The same screens on a phone: nothing wider than the screen, the lines and the chip in full.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(new Uri(server.BaseAddress, "channels/facebook").ToString());
        await WaitForCircuitAsync(page);
        await Assertions.Expect(gapLine).ToHaveTextAsync(GapSentence(nameof(SharedStrings.Gap_RecoveredAll), 1));
        await FitsThePhoneAsync(page, gapLine);
        await OnOneLineAsync(gapLine);
        await ScreenshotAsync(page, "channels-gap-phone");

        await page.ClickAsync("[data-testid=connection-detail-link]");
        await Assertions.Expect(recoveredEntry).ToContainTextAsync(GapSentence(nameof(SharedStrings.Gap_RecoveredAll), 1));
        await FitsThePhoneAsync(page, recoveredEntry);
        await OnOneLineAsync(recoveredEntry);
        await FitsThePhoneAsync(page, run);
        await ScreenshotAsync(page, "detail-phone");

        await page.GotoAsync(new Uri(server.BaseAddress, "inbox").ToString());
        await WaitForCircuitAsync(page);
        await FirstCustomersRow(rows).ClickAsync();
        await Assertions.Expect(recovered).ToHaveCountAsync(2);
        await FitsThePhoneAsync(page, page.Locator("[data-testid=message-recovered]").First);
        await ScreenshotAsync(page, "inbox-recovered-phone");
        ErrorLines(server).ShouldBeEmpty("the flow logged no error");
    }

    /// <summary>The thread of the customer whose two messages the check's back-fill recovered (the other wrote one).</summary>
    private static ILocator FirstCustomersRow(ILocator rows) => rows.Filter(new() { HasNotText = SecondMessage });

    private static async Task WriteAsync(MessengerDriver driver, string psid, string text) =>
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid, text });

    /// <summary>Waits until the sandbox settled every webhook it queued (unsubscribed: dropped, as Meta does).</summary>
    private static Task SettledAsync(MessengerDriver driver, int deliveries) =>
        Eventually.TrueAsync(async () => (await driver.Sandbox.StateAsync()).GetProperty("webhookDeliveries").GetArrayLength() >= deliveries,
            TimeSpan.FromSeconds(15), $"{deliveries} webhooks settled in the sandbox");

    /// <summary>The gap sentence with any times and the given count, e.g. 中斷期間（10:05–11:20）補回 2 則訊息.</summary>
    private static Regex GapSentence(string key, int recovered)
    {
        var pattern = Regex.Escape(Text.ZhTw(SharedStrings.ResourceManager, key))
            .Replace(@"\{0}", ".+?", StringComparison.Ordinal)
            .Replace(@"\{1}", ".+?", StringComparison.Ordinal)
            .Replace(@"\{2}", recovered.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return new Regex(pattern);
    }

    /// <summary>The words before the first placeholder, e.g. 已排入補回：</summary>
    private static string Prefix(string key) => Text.ZhTw(SupportStrings.ResourceManager, key).Split('{')[0];

    /// <summary>The gap's two times do not break apart ("03:38–" above "03:40"): an inline run across lines has a box per line.</summary>
    private static async Task OnOneLineAsync(ILocator gapLine) =>
        (await gapLine.Locator("[data-testid=gap-range]").EvaluateAsync<int>("e => e.getClientRects().length")).ShouldBe(1, "the two times stay on one line");

    private static async Task FitsThePhoneAsync(IPage page, ILocator element)
    {
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing is wider than the phone");
        var box = (await element.BoundingBoxAsync()).ShouldNotBeNull();
        box.X.ShouldBeGreaterThanOrEqualTo(0);
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(390, "not cut off at the right edge");
    }
}
