using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Browser;

/// <summary>
/// Issue 16 clicked by two admins in two browsers: Kevin Wu's consent adds a backup to Dana Chen's page, Dana's
/// password change moves the page to Kevin's authorization, and both admins see the yellow notice, not the red banner.
/// </summary>
public sealed class BackupAuthorizationFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    private static ILocator Row(IPage page) =>
        page.Locator($"[data-testid=connected-page][data-page-id='{Taipei}']").Locator("xpath=ancestor::tr[1]");

    [Fact]
    public async Task SecondAdminAuthorizes_FirstPersonsPasswordChange_PageKeepsWorking_BothAdminsSeeTheNotice()
    {
        var server = await StartServerAsync();
        using (var driver = new Channels.ConsentDriver(server))
        {
            var dana = await driver.CallerAsync(DemoAccounts.Admin.Email);
            await driver.ConsentAsync(dana, DemoWorld.DanaId, "all");
            (await driver.ConnectAsync(dana, Taipei)).ShouldAllBe(r => r.Succeeded);
        }
        var first = await NewPageAsync();
        await SignInAsync(first, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        var second = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 390, Height = 844 });
        await SignInAsync(second, server, DemoAccounts.Admin2.Email, DemoAccounts.Password);

        // Kevin, in his own browser: 串接 Facebook 專頁, 「不是 Dana Chen？」, his account, all pages.
        var dialog = await second.Context.RunAndWaitForPageAsync(() => second.Locator("[data-testid=connect-facebook-page]").First.ClickAsync());
        await dialog.ClickAsync("[data-testid=dialog-not-you]");
        await dialog.ClickAsync($"[data-testid=dialog-pick-user-{DemoWorld.KevinId}]");
        (await dialog.Locator("[data-testid=dialog-continue]").InnerTextAsync()).ShouldBe("以 Kevin Wu 的身份繼續");
        await dialog.ClickAsync("[data-testid=dialog-continue]");
        await dialog.Locator("[data-testid=dialog-pages-all]").CheckAsync();
        await dialog.ClickAsync("[data-testid=dialog-pages-next]");
        await dialog.ClickAsync("[data-testid=dialog-save]");
        await dialog.ClickAsync("[data-testid=dialog-confirm]");
        (await dialog.Locator("[data-testid=consent-result]").InnerTextAsync()).ShouldContain("授權完成");
        await dialog.CloseAsync();

        // Nothing was reconnected: Dana's authorization still runs the page, Kevin's is its backup, in both browsers.
        foreach (var page in new[] { first, second })
        {
            await Assertions.Expect(Row(page).Locator("[data-testid=authorizations]")).ToHaveTextAsync("Dana Chen（使用中） · Kevin Wu（備援）", new() { Timeout = 30_000 });
        }
        await ScreenshotAsync(first, "backup-added");
        await ScreenshotAsync(second, "backup-added-phone");

        using (var driver = new Channels.ConsentDriver(server))
        {
            await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        }
        await first.ClickAsync("[data-testid=check-all]");

        foreach (var page in new[] { first, second })
        {
            var notice = page.Locator("[data-testid=backup-notice]");
            await notice.WaitForAsync(new() { Timeout = 30_000 });
            (await notice.InnerTextAsync()).ShouldContain("Dana Chen 的授權已失效（密碼已變更");
            (await notice.InnerTextAsync()).ShouldContain("請 Dana Chen 以自己的 Facebook 帳號重新授權");
            (await page.Locator("[data-testid=integration-alert]").CountAsync()).ShouldBe(0, "the page works: no red banner");
            await Assertions.Expect(Row(page).Locator("[data-testid=authorizations]")).ToHaveTextAsync("Kevin Wu（使用中） · Dana Chen（已失效：密碼已變更）");
        }
        (await Row(first).Locator("[data-status]").InnerTextAsync()).Trim().ShouldBe("正常");
        await ScreenshotAsync(first, "failed-over");
        await ScreenshotAsync(second, "failed-over-phone");
        (await second.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing sticks out on a phone");

        // The history says who replaced whom and why.
        await first.ClickAsync($"[data-testid=connected-page][data-page-id='{Taipei}'] [data-testid=connection-detail-link]");
        var entry = first.Locator("[data-testid=timeline-entry][data-kind=FailedOver]");
        await entry.WaitForAsync();
        (await entry.InnerTextAsync()).ShouldContain("Dana Chen 的授權已失效（密碼已變更），改用 Kevin Wu 的授權");
        (await entry.Locator("[data-testid=timeline-cause]").CountAsync()).ShouldBe(0, "the page kept working: no 請重新授權 advice on this entry");
        await ScreenshotAsync(first, "history-failed-over");
        ErrorLines(server).ShouldBeEmpty("the flow logged no error");
    }
}
