using Microsoft.Playwright;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Browser;

public sealed class SignInFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task SignIn_DemoAdmin_SeesChannelsAndKeepsEnglishAfterReload()
    {
        var server = await StartServerAsync();
        var page = await NewPageAsync();

        await page.GotoAsync(new Uri(server.BaseAddress, "Account/Login").ToString());
        await ScreenshotAsync(page, "login-zh-tw");
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);

        page.Url.ShouldEndWith("/channels/facebook");
        var nav = page.Locator("[data-testid=main-nav]");
        (await nav.InnerTextAsync()).ShouldContain("通訊渠道");
        (await nav.InnerTextAsync()).ShouldContain("串接社群通訊渠道");
        (await page.Locator(".mud-tab-active").InnerTextAsync()).ShouldContain("Facebook Messenger");
        (await page.Locator("[data-testid=user-display-name]").InnerTextAsync()).ShouldBe(DemoAccounts.Admin.DisplayName);
        await ScreenshotAsync(page, "channels-zh-tw");

        await page.Locator("[data-testid=language-switch] button").ClickAsync();
        await page.GetByRole(AriaRole.Menuitem, new() { Name = "English" }).ClickAsync();
        await page.GetByText("Social channel integration").First.WaitForAsync();
        await WaitForCircuitAsync(page);
        page.Url.ShouldEndWith("/channels/facebook");
        await ScreenshotAsync(page, "channels-en");

        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        (await page.Locator("[data-testid=main-nav]").InnerTextAsync()).ShouldContain("Social channel integration");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("Social channel integration");

        // The drawer turns into an overlay on a phone; the page must still read well.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        await ScreenshotAsync(page, "channels-en-phone");
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsErrorAndKeepsEmail()
    {
        var server = await StartServerAsync();
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "Account/Login").ToString());

        await FillSignInFormAsync(page, DemoAccounts.Admin.Email, "not-the-password");

        await page.Locator("[data-testid=login-error]").WaitForAsync();
        (await page.Locator("[data-testid=login-error]").InnerTextAsync()).ShouldContain("電子郵件或密碼不正確");
        (await page.InputValueAsync("#login-email")).ShouldBe(DemoAccounts.Admin.Email);
        (await page.InputValueAsync("#login-password")).ShouldBeEmpty();
        page.Url.ShouldContain("/Account/Login");
        await ScreenshotAsync(page, "login-wrong-password");
    }

    [Fact]
    public async Task SignOut_SignedIn_ReturnsToLogin()
    {
        var server = await StartServerAsync();
        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Support.Email, DemoAccounts.Password);
        (await page.Locator("[data-testid=user-role]").InnerTextAsync()).ShouldContain("所有團隊");
        await ScreenshotAsync(page, "channels-support");

        await page.ClickAsync("[data-testid=sign-out]");

        await page.WaitForURLAsync(url => url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.GotoAsync(new Uri(server.BaseAddress, "channels/facebook").ToString());
        page.Url.ShouldContain("/Account/Login");
    }
}
