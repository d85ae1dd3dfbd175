using Microsoft.Playwright;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Browser;

/// <summary>An anonymous visitor's pages open no /_blazor connection; a signed-in page does (so the check can see one).</summary>
public sealed class AnonymousCircuitFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task Visit_AnonymousSignInAndNotFound_OpenNoCircuit()
    {
        var server = await StartServerAsync();
        var page = await NewPageAsync();
        var circuitRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                circuitRequests.Add(request.Url);
            }
        };

        foreach (var path in new[] { "Account/Login", "no-such-page" })
        {
            await page.GotoAsync(new Uri(server.BaseAddress, path).ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
            // blazor.web.js decides at start whether to connect; give it a moment past network idle.
            await page.WaitForTimeoutAsync(1000);
        }
        await ScreenshotAsync(page, "not-found-anonymous");

        circuitRequests.ShouldBeEmpty();
        await SignInAsync(page, server, DemoAccounts.Agent.Email, DemoAccounts.Password);
        circuitRequests.ShouldNotBeEmpty();
    }
}
