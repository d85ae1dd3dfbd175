using System.Globalization;
using Microsoft.Playwright;
using Omnichat.Console.Resources;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Health;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Browser;

/// <summary>
/// Issue 12's point 7, as support sees it: a cause filter of short labels, a 30-day chart whose axis fits its bars and
/// whose tooltip can be read, and kept-aside events titled by the page's name.
/// </summary>
public sealed class SupportToolsFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-TW");

    /// <summary>The console's words as the demo team reads them (zh-TW), whatever culture the test process runs in.</summary>
    private static string Parked(string key) => ParkedStrings.ResourceManager.GetString(key, Chinese)!;

    [Fact]
    public async Task Support_FiltersByAShortCause_ReadsTheChartOfOneOrTwoPages()
    {
        var server = await StartServerAsync();
        using (var driver = new ConsentDriver(server))
        {
            var admin = await driver.CallerAsync(DemoAccounts.Admin.Email);
            await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
            await driver.ConnectAsync(admin, Taipei, DemoWorld.ShopPageId(2));
            await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
            await driver.Service<CheckNowService>().CheckTeamAsync(admin, null, CancellationToken.None);
        }

        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Support.Email, DemoAccounts.Password);
        await page.ClickAsync("[data-testid=nav-integration-status]");
        await page.Locator("[data-testid=integration-row]").First.WaitForAsync();

        await page.Locator("[data-testid=filter-cause] .mud-input-control").ClickAsync();
        var items = page.Locator(".mud-popover-open .mud-list-item");
        await Assertions.Expect(items).ToHaveCountAsync(Enum.GetValues<FailureCause>().Length);
        var label = ConnectionWords.For(Chinese).CauseLabel(FailureCause.PasswordChangedOrSecurityReset);
        foreach (var text in await items.AllInnerTextsAsync())
        {
            text.Trim().Length.ShouldBeLessThanOrEqualTo(16, $"\"{text}\" is a sentence, not a label");
        }
        await ScreenshotAsync(page, "cause-filter-open");
        await items.Filter(new() { HasText = label }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("cause=PasswordChangedOrSecurityReset", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=integration-row]")).ToHaveCountAsync(2);
        // The address changes before the select's new text reaches the browser: wait for it rather than read it once.
        await Assertions.Expect(page.Locator("[data-testid=filter-cause] input")).ToHaveValueAsync(label);
        var cause = page.Locator("[data-testid=row-cause]").First;
        await Assertions.Expect(cause).ToHaveTextAsync(label);
        (await cause.GetAttributeAsync("title"))!.ShouldContain("更改了密碼");
        await ScreenshotAsync(page, "filtered-by-cause");

        await page.Locator("[data-testid=row-page]").First.ClickAsync();
        var chart = page.Locator("[data-testid=team-history-chart]");
        await chart.Locator("[data-testid=chart-day]").Last.WaitForAsync();
        // Two pages on the last day: whole-number ticks up to them, not 0-20.
        (await chart.Locator("[data-testid=chart-tick]").AllTextContentsAsync()).ShouldBe(["0", "1", "2"]);
        var today = chart.Locator("[data-testid=chart-day]").Last;
        await today.HoverAsync();
        var tooltip = today.Locator("[data-testid=chart-tip]");
        await Assertions.Expect(tooltip).ToBeVisibleAsync();
        // The chart's days are the team's days (Asia/Taipei for the demo team).
        var date = LocalTimeFormat.Default.Local(DateTimeOffset.UtcNow).ToString("MM-dd", CultureInfo.InvariantCulture);
        (await tooltip.TextContentAsync())!.ShouldContain("需要重新授權：2 個專頁");
        (await tooltip.TextContentAsync())!.ShouldContain(date);
        await TooltipReadableInsideTheCardAsync(page, tooltip);
        await ScreenshotAsync(page, "chart-tooltip");
        ErrorLines(server).ShouldBeEmpty();
    }

    [Fact]
    public async Task Support_OpensEventsOfAPageAuthorizedButNeverConnected_SeesItsNameAndWhatConnectingWouldDo()
    {
        var server = await StartServerAsync();
        var never = DemoWorld.ShopPageId(30);
        using (var driver = new MessengerDriver(server))
        {
            // Dana's consent covers every shop; only 台北店 is connected, so 竹北店's events are kept aside under its name.
            await driver.ConnectAsync(Taipei);
            using var response = await driver.PostWebhookAsync(WebhookJson.Single(never,
                WebhookJson.Message("7600000000000002", never, "m_1", "有人在嗎？", DateTimeOffset.UtcNow)));
            response.EnsureSuccessStatusCode();
            await driver.AllProcessedAsync();
        }

        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Support.Email, DemoAccounts.Password);
        await page.GotoAsync(new Uri(server.BaseAddress, $"support/webhooks/parked/{never}").ToString());
        await page.Locator("[data-testid=parked-event]").First.WaitForAsync();

        (await page.Locator("[data-testid=parked-page-name]").InnerTextAsync()).ShouldBe("Demo Shop 竹北店");
        await Assertions.Expect(page).ToHaveTitleAsync($"{Parked(nameof(ParkedStrings.EventsHeading))} · Demo Shop 竹北店");
        var notice = (await page.Locator("[data-testid=parked-not-imported]").InnerTextAsync()).Trim();
        notice.ShouldBe(Parked(nameof(ParkedStrings.NotImportedNeverConnected)));
        notice.ShouldNotContain("重新串接");
        await ScreenshotAsync(page, "never-connected-page-events");
        ErrorLines(server).ShouldBeEmpty();
    }

    [Fact]
    public async Task Support_OnAPhone_TapsTodaysBar_ReadsItsNumbers()
    {
        var server = await StartServerAsync();
        using (var driver = new ConsentDriver(server))
        {
            var admin = await driver.CallerAsync(DemoAccounts.Admin.Email);
            await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
            await driver.ConnectAsync(admin, Taipei);
        }

        var page = await NewPageAsync(o => { o.ViewportSize = new ViewportSize { Width = 390, Height = 844 }; o.HasTouch = true; });
        await SignInAsync(page, server, DemoAccounts.Support.Email, DemoAccounts.Password);
        await page.Locator("[data-testid=row-page]").First.ClickAsync();
        var today = page.Locator("[data-testid=team-history-chart] [data-testid=chart-day]").Last;
        await today.ScrollIntoViewIfNeededAsync();
        await today.TapAsync();

        var tooltip = today.Locator("[data-testid=chart-tip]");
        await Assertions.Expect(tooltip).ToBeVisibleAsync();
        (await tooltip.TextContentAsync())!.ShouldContain("正常：1 個專頁");
        await TooltipReadableInsideTheCardAsync(page, tooltip);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing is wider than the phone");
        await ScreenshotAsync(page, "phone-chart-tapped");
        ErrorLines(server).ShouldBeEmpty();
    }

    // What was unreadable before: text a few pixels high and a box cut off at the card's edge.
    private static async Task TooltipReadableInsideTheCardAsync(IPage page, ILocator tooltip)
    {
        var fontSize = await tooltip.EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
        double.Parse(fontSize.Replace("px", "", StringComparison.Ordinal), CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(12);
        var tip = (await tooltip.BoundingBoxAsync())!;
        var card = (await page.Locator("[data-testid=team-history]").BoundingBoxAsync())!;
        tip.X.ShouldBeGreaterThanOrEqualTo(card.X);
        (tip.X + tip.Width).ShouldBeLessThanOrEqualTo(card.X + card.Width + 0.5f);
        tip.Y.ShouldBeGreaterThanOrEqualTo(card.Y);
    }
}
