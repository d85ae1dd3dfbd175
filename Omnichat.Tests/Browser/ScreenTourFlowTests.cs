using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Browser;

/// <summary>
/// Issue 12's walk through every screen, on a desktop and on a phone: the channels page empty, with authorized pages,
/// with a connected page and with the error banner; the inbox; support's list. On each: nothing wider than the window,
/// status chips on one line, times on the team's clock without "UTC", no toast left over from an earlier step, and
/// a screenshot to look at.
/// </summary>
public sealed class ScreenTourFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    [Theory]
    [InlineData(1400, 900)]
    [InlineData(390, 844)]
    public async Task EveryScreen_FitsTheWindow_OnTheTeamsClock(int width, int height)
    {
        var server = await StartServerAsync();
        var size = new ViewportSize { Width = width, Height = height };
        var page = await NewPageAsync(o => o.ViewportSize = size);
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);

        await page.Locator("[data-testid=authorized-empty]").WaitForAsync();
        await CheckScreenAsync(page, width, $"channels-empty-{width}");

        using (var driver = new ConsentDriver(server))
        {
            await driver.ConsentAsync(await driver.CallerAsync(DemoAccounts.Admin.Email), DemoWorld.DanaId, "all");
        }
        var taipei = page.Locator($"[data-testid=authorized-page][data-page-id='{Taipei}']");
        await taipei.WaitForAsync();
        await CheckScreenAsync(page, width, $"channels-authorized-{width}");

        await taipei.Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("[data-testid=connect-selected]");
        var connected = page.Locator($"[data-testid=connected-pages] :is(tr, .mud-table-row):has([data-page-id='{Taipei}'])");
        await Assertions.Expect(connected.Locator("[data-status]")).ToHaveTextAsync("正常", new() { Timeout = 30_000 });
        (await connected.InnerTextAsync()).ShouldContain("剛剛", customMessage: "the last check is told relative to now");
        await CheckScreenAsync(page, width, $"channels-connected-{width}", toastAllowed: true);

        using (var sandboxHttp = server.CreateHttpClient())
        {
            await new SandboxControl(sandboxHttp).PostAsync($"users/{DemoWorld.DanaId}/password-change");
        }
        await page.ClickAsync("[data-testid=check-all]");
        await page.Locator("[data-testid=integration-alert]").WaitForAsync();
        await CheckScreenAsync(page, width, $"channels-banner-{width}", toastAllowed: true);

        using (var messenger = new MessengerDriver(server))
        {
            await messenger.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = "7500000000000009", text = "請問有貨嗎？" });
        }
        await page.GotoAsync(new Uri(server.BaseAddress, "inbox").ToString());
        await WaitForCircuitAsync(page);
        await page.Locator("[data-testid=conversation-row]").WaitForAsync();
        await CheckScreenAsync(page, width, $"inbox-{width}");

        var support = await NewPageAsync(o => o.ViewportSize = size);
        await SignInAsync(support, server, DemoAccounts.Support.Email, DemoAccounts.Password);
        await support.Locator($"[data-page-id='{Taipei}']").First.WaitForAsync();
        new Uri(support.Url).AbsolutePath.ShouldBe("/support/integrations", "support staff land on 整合狀態");
        await CheckScreenAsync(support, width, $"support-list-{width}");
        (await support.EvaluateAsync<bool>("""
            [...document.querySelectorAll('[data-testid=time-cell]')].every(cell => {
              const [date, time] = [...cell.children].map(c => c.getBoundingClientRect());
              return Math.abs(date.left - time.left) < 1 && time.top >= date.bottom - 1;
            })
            """)).ShouldBeTrue("each time is its date with the clock below it, never pulled apart");
        (await support.EvaluateAsync<bool>(
            "[...document.querySelectorAll('.mud-table-cell[data-label]')].every(c => getComputedStyle(c, '::before').whiteSpace === 'nowrap')"))
            .ShouldBeTrue("the labels of a card row never break inside a word");
        ErrorLines(server).ShouldBeEmpty("the tour logged no error");
    }

    private async Task CheckScreenAsync(IPage page, int width, string name, bool toastAllowed = false)
    {
        await ScreenshotAsync(page, name);
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, $"{name}: nothing is wider than the window");
        var chipHeights = await page.EvaluateAsync<double[]>("[...document.querySelectorAll('[data-status]')].map(c => c.getBoundingClientRect().height)");
        chipHeights.ShouldAllBe(h => h < 40, $"{name}: every status chip is on one line");
        (await page.Locator("main, .mud-main-content").First.InnerTextAsync()).ShouldNotContain("UTC", customMessage: $"{name}: times are on the team's clock");
        if (!toastAllowed)
        {
            (await page.Locator(".mud-snackbar").CountAsync()).ShouldBe(0, $"{name}: no toast left over from an earlier step");
        }
    }
}
