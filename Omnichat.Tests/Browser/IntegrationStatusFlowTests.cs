using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;

namespace Omnichat.Tests.Browser;

/// <summary>Issue 5's question, clicked: a support user finds a failing page by search and sees why, and the e-mail that went out.</summary>
public sealed class IntegrationStatusFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    [Fact]
    public async Task Support_SearchesTheFailingPage_SeesCauseAndTheEmail()
    {
        var server = await StartServerAsync();
        using (var driver = new ConsentDriver(server))
        {
            var admin = await driver.CallerAsync(DemoAccounts.Admin.Email);
            await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
            await driver.ConnectAsync(admin, Taipei, DemoWorld.ShopPageId(3));
            await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
            await driver.Service<CheckNowService>().CheckTeamAsync(admin, null, CancellationToken.None);
        }
        await WaitForEmailSentAsync(server);

        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Support.Email, DemoAccounts.Password);
        await page.ClickAsync("[data-testid=nav-integration-status]");
        await page.Locator("[data-testid=integration-row]").First.WaitForAsync();
        await ScreenshotAsync(page, "all-teams");

        await page.Locator("[data-testid=filter-search] input").FillAsync("台北");
        await page.WaitForURLAsync(url => url.Contains("q=", StringComparison.Ordinal));
        // The table reloads after the address changes: wait until only the match is left.
        await Assertions.Expect(page.Locator("[data-testid=integration-row]")).ToHaveCountAsync(1);
        var row = page.Locator("tr", new() { Has = page.Locator($"[data-testid=integration-row][data-page-id='{Taipei}']") });
        await row.WaitForAsync();
        (await row.Locator("[data-status]").InnerTextAsync()).Trim().ShouldBe("需要重新授權");
        (await row.Locator("[data-testid=row-cause]").InnerTextAsync()).Trim().ShouldBe(
            ConnectionWords.For(System.Globalization.CultureInfo.GetCultureInfo("zh-TW")).CauseLabel(FailureCause.PasswordChangedOrSecurityReset));
        (await row.Locator("[data-testid=email-state]").GetAttributeAsync("data-state")).ShouldBe("Sent");
        (await row.Locator("[data-testid=email-state]").InnerTextAsync()).ShouldContain("已寄出");
        await ScreenshotAsync(page, "found-by-search");

        await row.Locator("[data-testid=row-page]").ClickAsync();
        await page.Locator("[data-testid=connection-detail]").WaitForAsync();
        (await page.Locator("[data-testid=detail-cause]").InnerTextAsync()).ShouldContain("更改了密碼");
        (await page.Locator("[data-testid=error-code]").InnerTextAsync()).Trim().ShouldBe("190");
        (await page.Locator("[data-testid=error-subcode]").InnerTextAsync()).Trim().ShouldBe("460");
        (await page.Locator("[data-testid=timeline-entry][data-kind=Email]").InnerTextAsync()).ShouldContain("admin@demo.local");
        await page.Locator("[data-testid=team-history-chart] [data-testid=chart-day]").Last.WaitForAsync();
        await ScreenshotAsync(page, "detail");
    }

    private static async Task WaitForEmailSentAsync(Infrastructure.ConsoleServer server)
    {
        var factory = server.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await using var db = await factory.CreateDbContextAsync();
            if (await db.OutboxEmails.AnyAsync(e => e.State == EmailState.Sent))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("the failure e-mail was not sent within 10 s");
    }
}
