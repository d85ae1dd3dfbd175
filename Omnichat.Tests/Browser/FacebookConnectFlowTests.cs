using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Browser;

/// <summary>
/// The help page's steps 1-9 and "重新授權", clicked in chromium: the consent dialog opens in a new tab, the pages
/// appear in the console without a reload, and connect, disconnect, reconnect and reauthorize all work.
/// </summary>
public sealed class FacebookConnectFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private static readonly string Taichung = DemoWorld.ShopPageId(2);

    private static ILocator Authorized(IPage page, string pageId) => page.Locator($"[data-testid=authorized-page][data-page-id='{pageId}']");

    private static ILocator Connected(IPage page, string pageId) =>
        page.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=connected-page][data-page-id='{pageId}']") });

    /// <summary>Clicks a button that opens Facebook's dialog in a new tab and returns that tab.</summary>
    private static Task<IPage> OpenDialogAsync(IPage page, string buttonSelector) =>
        page.Context.RunAndWaitForPageAsync(() => page.Locator(buttonSelector).First.ClickAsync());

    [Fact]
    public async Task ConnectDisconnectReconnectReauthorize_ThroughTheDialogInANewTab()
    {
        var server = await StartServerAsync();
        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        await page.Locator("[data-testid=authorized-empty]").WaitForAsync();
        await ScreenshotAsync(page, "tab-empty");

        // Steps 3-8: the dialog opens in a new tab; continue as Dana, all pages, all businesses, permissions, save, OK.
        var dialog = await OpenDialogAsync(page, "[data-testid=connect-facebook-page]");
        await dialog.Locator("[data-testid=dialog-continue]").WaitForAsync();
        (await dialog.Locator("[data-testid=dialog-continue]").InnerTextAsync()).ShouldBe("以 Dana Chen 的身份繼續");
        await ScreenshotAsync(dialog, "dialog-continue-as");
        await dialog.ClickAsync("[data-testid=dialog-continue]");
        await dialog.Locator("[data-testid=dialog-pages-all]").CheckAsync();
        await ScreenshotAsync(dialog, "dialog-pages");
        await dialog.ClickAsync("[data-testid=dialog-pages-next]");
        await dialog.Locator("[data-testid=dialog-businesses-all]").CheckAsync();
        await ScreenshotAsync(dialog, "dialog-businesses");
        await dialog.ClickAsync("[data-testid=dialog-businesses-next]");
        await ScreenshotAsync(dialog, "dialog-permissions");
        await dialog.ClickAsync("[data-testid=dialog-save]");
        await ScreenshotAsync(dialog, "dialog-done");
        await dialog.ClickAsync("[data-testid=dialog-confirm]");
        await dialog.Locator("[data-testid=consent-result]").WaitForAsync();
        (await dialog.Locator("[data-testid=consent-result]").InnerTextAsync()).ShouldContain("授權完成");
        await ScreenshotAsync(dialog, "callback-authorized");
        await dialog.CloseAsync();

        // Step 9: the authorized pages are listed in the console tab without a reload.
        await Authorized(page, Taipei).WaitForAsync();
        (await Authorized(page, DemoWorld.PartnerPageId).Locator("[data-testid=unavailable-reason]").InnerTextAsync())
            .ShouldContain("不是此專頁的管理員");
        (await Authorized(page, DemoWorld.PartnerPageId).Locator("input[type=checkbox]").IsDisabledAsync()).ShouldBeTrue();
        await ScreenshotAsync(page, "authorized-pages");

        await Authorized(page, Taipei).Locator("input[type=checkbox]").CheckAsync();
        await Authorized(page, Taichung).Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("[data-testid=connect-selected]");
        await Connected(page, Taipei).WaitForAsync();
        await Connected(page, Taichung).WaitForAsync();
        await Assertions.Expect(Connected(page, Taipei).Locator("[data-status]")).ToHaveTextAsync("正常", new() { Timeout = 30_000 });
        (await Connected(page, Taipei).InnerTextAsync()).ShouldContain(DemoAccounts.Admin.DisplayName);
        await ScreenshotAsync(page, "connected");

        // 解除串接 asks first; cancelling keeps the page.
        await Connected(page, Taipei).Locator("[data-testid=disconnect]").ClickAsync();
        var confirm = page.Locator(".mud-dialog");
        await confirm.WaitForAsync();
        (await confirm.InnerTextAsync()).ShouldContain("解除串接「Demo Shop 台北店」？");
        await ScreenshotAsync(page, "disconnect-confirm");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "解除串接" }).ClickAsync();
        await Connected(page, Taipei).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        await page.GetByText("已解除串接「Demo Shop 台北店」").WaitForAsync();
        await ScreenshotAsync(page, "disconnected");
        using (var sandboxHttp = server.CreateHttpClient())
        {
            (await new SandboxControl(sandboxHttp).SubscribedAppsAsync(Taipei)).ShouldBeEmpty();
        }

        // The help page's reauthorization: after disconnecting, connect Facebook again and tick the page.
        dialog = await OpenDialogAsync(page, "[data-testid=connect-facebook-page]");
        await dialog.ClickAsync("[data-testid=dialog-continue]");
        await dialog.ClickAsync("[data-testid=dialog-confirm]");
        await dialog.Locator("[data-testid=consent-result]").WaitForAsync();
        await dialog.CloseAsync();
        await Authorized(page, Taipei).Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("[data-testid=connect-selected]");
        await Connected(page, Taipei).WaitForAsync();

        // The password changes on Facebook; 重新授權 on the page re-runs the dialog and keeps the connection.
        using (var sandboxHttp = server.CreateHttpClient())
        {
            await new SandboxControl(sandboxHttp).PostAsync($"users/{DemoWorld.DanaId}/password-change");
        }
        // The check finds both pages broken by the one password change.
        await page.ClickAsync("[data-testid=check-all]");
        await Assertions.Expect(Connected(page, Taichung).Locator("[data-status]")).ToHaveTextAsync("需要重新授權", new() { Timeout = 30_000 });
        await Assertions.Expect(Connected(page, Taipei).Locator("[data-status]")).ToHaveTextAsync("需要重新授權", new() { Timeout = 30_000 });
        dialog = await OpenDialogAsync(page, $"tr:has([data-page-id='{Taipei}']) [data-testid=reauthorize]");
        var result = await ConsentWithEarlierChoicesAsync(dialog);
        result.ShouldContain("已重新授權");
        result.ShouldContain("另有 1 個因同一原因失效的專頁已一併恢復正常");
        await ScreenshotAsync(dialog, "callback-reauthorized");
        // Reauthorizing one page repaired the other page the same password change broke.
        await Assertions.Expect(Connected(page, Taipei).Locator("[data-status]")).ToHaveTextAsync("正常", new() { Timeout = 30_000 });
        await Assertions.Expect(Connected(page, Taichung).Locator("[data-status]")).ToHaveTextAsync("正常", new() { Timeout = 30_000 });
        // The console tab, where the admin comes back to, says it worked too, and how many more pages work again.
        await page.Locator(".mud-snackbar", new() { HasText = "已重新授權「Demo Shop 台北店」，另有 1 個專頁一併恢復正常" }).WaitForAsync();
        await ScreenshotAsync(page, "console-tab-reauthorized");
    }

    [Fact]
    public async Task CancelInTheDialog_SaysNothingChangedAndTheConsoleStaysEmpty()
    {
        var server = await StartServerAsync();
        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);

        var dialog = await OpenDialogAsync(page, "[data-testid=connect-facebook-page]");
        await dialog.ClickAsync("[data-testid=dialog-cancel]");

        await dialog.Locator("[data-testid=consent-result]").WaitForAsync();
        (await dialog.Locator("[data-testid=consent-result]").InnerTextAsync()).ShouldContain("你取消了 Facebook 授權，沒有任何變更");
        await ScreenshotAsync(dialog, "callback-cancelled");
        (await page.Locator("[data-testid=authorized-empty]").IsVisibleAsync()).ShouldBeTrue();
    }
}
