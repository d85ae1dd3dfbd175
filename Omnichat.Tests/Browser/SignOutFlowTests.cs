using Microsoft.Playwright;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Browser;

/// <summary>Signing out in one browser ends the same account's open console in another, within the revalidation interval.</summary>
public sealed class SignOutFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task SignOut_CookieCopiedIntoAnotherBrowser_ItsOpenPageGoesToSignIn()
    {
        var server = await StartServerAsync();
        var owner = await NewPageAsync();
        await SignInAsync(owner, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        var copy = await NewPageAsync();
        var cookies = await owner.Context.CookiesAsync();
        await copy.Context.AddCookiesAsync(cookies.Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }));
        await copy.GotoAsync(new Uri(server.BaseAddress, "channels/facebook").ToString());
        await WaitForCircuitAsync(copy);

        await owner.ClickAsync("[data-testid=sign-out]");
        await owner.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));

        // The open circuit learns of the new security stamp at its next revalidation (10 s), not at once.
        await copy.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase),
            new() { Timeout = 30_000 });
        await copy.Locator("#login-email").WaitForAsync();
    }
}
