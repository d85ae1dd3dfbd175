using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Browser;

/// <summary>
/// A team whose Facebook user manages well over a hundred pages: the admin finds pages by searching, ticks all that
/// match at once, connects them, and both lists stay a page of 50 rows at a time, on a desktop and on a phone.
/// (How fast this is with 500 pages is measured by <c>benchmark channels-page</c>, not asserted here.)
/// </summary>
public sealed class ManyPagesFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const int BulkPages = 120;

    [Theory]
    [InlineData(1400, 900)]
    [InlineData(390, 844)]
    public async Task SearchSelectAllConnect_WithOverAHundredPages(int width, int height)
    {
        var server = await StartServerAsync();
        using (var driver = new ConsentDriver(server))
        {
            await driver.Sandbox.PostJsonAsync("pages/bulk", new { count = BulkPages, userId = DemoWorld.DanaId, subscribed = false });
            var admin = await driver.CallerAsync(DemoAccounts.Admin.Email);
            await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        }
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = width, Height = height });
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        var rows = page.Locator("[data-testid=authorized-page]");
        await page.Locator("[data-testid=authorized-pager]").WaitForAsync();
        (await rows.CountAsync()).ShouldBe(50, "one page of the list at a time");
        (await page.Locator("[data-testid=authorized-range]").InnerTextAsync()).ShouldMatch(@"第 1–50 個，共 \d+ 個");
        (await page.EvaluateAsync<bool>("[...document.querySelectorAll('[data-testid=authorized-page] img')].every(i => i.loading === 'lazy')"))
            .ShouldBeTrue("pictures load as they scroll into view");

        // "Bulk page 000" matches pages 00001 to 00099: more than one screen of the list.
        await page.Locator("input[data-testid=authorized-search], [data-testid=authorized-search] input").FillAsync("Bulk page 000");
        await page.Locator("[data-testid=select-all]").GetByText("（99 個）").WaitForAsync();
        await ScreenshotAsync(page, $"authorized-search-{width}");
        await page.Locator("[data-testid=select-all] input").ClickAsync();
        await page.Locator("[data-testid=selected-count]").GetByText("已選取 99 個").WaitForAsync();
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, "nothing is wider than the window");

        await page.ClickAsync("[data-testid=connect-selected]");
        await page.Locator("[data-testid=connected-pager]").WaitForAsync(new() { Timeout = 60_000 });
        (await page.EvaluateAsync<string?>("document.activeElement?.dataset.testid")).ShouldBe("connected-heading",
            "after 串接 the keyboard focus is on the list the pages went to");
        (await page.Locator("[data-testid=connected-page]").CountAsync()).ShouldBe(50);
        (await page.Locator("[data-testid=connected-pager]").InnerTextAsync()).ShouldContain("共 99 個");

        await page.Locator("input[data-testid=connected-search], [data-testid=connected-search] input").FillAsync("Bulk page 00042");
        await page.Locator("[data-testid=connected-page]").Filter(new() { HasText = "Bulk page 00042" }).WaitForAsync();
        await Eventually.TrueAsync(async () => await page.Locator("[data-testid=connected-page]").CountAsync() == 1, TimeSpan.FromSeconds(10), "only the page searched for is listed");
        await ScreenshotAsync(page, $"connected-search-{width}");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width, "nothing is wider than the window");
        ErrorLines(server).ShouldBeEmpty("the flow logged no error");
    }
}
