using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Browser;

/// <summary>The help page's 串接失敗之後台自動錯誤提示, clicked: a page breaks, a check shows the banner, reauthorizing clears it.</summary>
public sealed class IntegrationAlertFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    [Fact]
    public async Task PasswordChanged_CheckNowShowsTheBanner_ReauthorizeClearsIt()
    {
        var server = await StartServerAsync();
        await ConnectThenBreakTaipeiAsync(server);
        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        (await page.Locator("[data-testid=integration-alert]").CountAsync()).ShouldBe(0);

        await page.ClickAsync("[data-testid=check-all]");

        var banner = page.Locator("[data-testid=integration-alert]");
        await banner.WaitForAsync();
        (await banner.InnerTextAsync()).ShouldContain("Demo Shop 台北店");
        (await banner.InnerTextAsync()).ShouldContain("更改了密碼");
        (await page.Locator("tr:has([data-page-id='" + Taipei + "']) [data-status]").InnerTextAsync()).Trim().ShouldBe("需要重新授權");
        await ScreenshotAsync(page, "banner-after-check");

        var dialog = await page.Context.RunAndWaitForPageAsync(() => banner.Locator("[data-testid=alert-reauthorize]").ClickAsync());
        (await ConsentWithEarlierChoicesAsync(dialog)).ShouldContain("已重新授權");
        await dialog.CloseAsync();

        await banner.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await Assertions.Expect(page.Locator("tr:has([data-page-id=\'" + Taipei + "\']) [data-status]")).ToHaveTextAsync("正常", new() { Timeout = 30_000 });
        await ScreenshotAsync(page, "banner-gone-after-reauthorize");

        // The page's history gives Omnichat's own notes in Chinese (who authorized, the reauthorization); only Facebook's
        // error texts stay as Facebook wrote them.
        await page.ClickAsync($"[data-testid=connected-page][data-page-id='{Taipei}'] [data-testid=connection-detail-link]");
        var timeline = page.Locator("[data-testid=timeline]");
        await timeline.Locator("[data-testid=timeline-entry][data-kind=Reauthorized]").WaitForAsync();
        var history = await timeline.InnerTextAsync();
        await ScreenshotAsync(page, "history-after-reauthorize");
        history.ShouldContain("Facebook 帳號：Dana Chen");
        history.ShouldContain("已重新授權");
        foreach (var english in new[] { "Facebook user", "reauthorized", "connected", "A reply failed" })
        {
            history.ShouldNotContain(english, Case.Insensitive, "no English note on a zh-TW page");
        }
        ErrorLines(server).ShouldBeEmpty("the flow logged no error");
    }
}
