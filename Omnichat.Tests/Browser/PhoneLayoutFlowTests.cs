using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Browser;

/// <summary>
/// The channels page on a phone (390×844, Taiwan's most common size): nothing wider than the screen, chips and dates
/// on one line, times on the team's clock, and every action of a connected page reachable.
/// </summary>
public sealed class PhoneLayoutFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    [Fact]
    public async Task ChannelsPage_OnAPhone_FitsTheScreen()
    {
        var server = await StartServerAsync();
        await ConnectThenBreakTaipeiAsync(server);
        var page = await NewPageAsync(o => o.ViewportSize = new ViewportSize { Width = 390, Height = 844 });
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        await page.ClickAsync("[data-testid=check-all]");
        await page.Locator("[data-testid=integration-alert]").WaitForAsync();
        await ScreenshotAsync(page, "channels-with-banner-on-a-phone");

        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, "nothing is wider than the phone");
        var connected = page.Locator($"[data-testid=connected-page][data-page-id='{Taipei}']");
        (await page.EvaluateAsync<bool>("[...document.querySelectorAll('.mud-table-container')].every(c => c.scrollWidth <= c.clientWidth)"))
            .ShouldBeTrue("no table scrolls sideways or hides a column");
        var card = (await page.Locator("[data-testid=connected-pages]").BoundingBoxAsync())!;
        foreach (var part in new[] { "reauthorize", "disconnect", "check-now", "last-checked", "connection-cause" })
        {
            var box = await page.Locator($"[data-testid=connected-pages] [data-testid={part}]").First.BoundingBoxAsync();
            box.ShouldNotBeNull(part);
            (box.X + box.Width).ShouldBeLessThanOrEqualTo(card.X + card.Width, $"{part} is inside the card, not cut off");
            if (part is "last-checked" or "connection-cause")
            {
                box.Width.ShouldBeGreaterThan(card.Width / 2, $"{part} has the card's width, not a sliver of it");
            }
        }
        var chip = page.Locator("[data-status]").First;
        var chipBox = (await chip.BoundingBoxAsync())!;
        chipBox.Height.ShouldBeLessThan(40, "the status chip stays on one line");
        (await page.Locator("body").InnerTextAsync()).ShouldNotContain("UTC");
        (await connected.InnerTextAsync()).ShouldContain("ID " + Taipei);
        ErrorLines(server).ShouldBeEmpty("the flow logged no error");
    }
}
