using System.Text.RegularExpressions;
using Omnichat.Console.Resources;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Browser;

/// <summary>A training server (Production, Sandbox:Enabled=true) as a person sees it, on a desktop and on a phone.</summary>
public sealed partial class SandboxModeFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task SandboxOutsideDevelopment_EveryPageShowsTheStrip_AndTheLoggedPasswordSignsIn()
    {
        var server = await StartServerAsync(s => s.WithEnvironment("Production").With("Sandbox:Enabled", "true"));
        var password = LoggedPassword().Match(server.Logs.Lines.Single(l => l.Contains("until the next start", StringComparison.Ordinal))).Groups[1].Value;
        var page = await NewPageAsync();

        await page.GotoAsync(new Uri(server.BaseAddress, "Account/Login").ToString());
        (await page.Locator("[data-testid=sandbox-strip]").InnerTextAsync()).ShouldContain(Text.ZhTw(SharedStrings.ResourceManager, nameof(SharedStrings.SandboxStrip)));
        (await page.ContentAsync()).ShouldNotContain(DemoAccounts.Password);
        await ScreenshotAsync(page, "login-sandbox-strip");

        await SignInAsync(page, server, DemoAccounts.Admin.Email, password);
        (await page.Locator("[data-testid=sandbox-strip]").IsVisibleAsync()).ShouldBeTrue();
        await ScreenshotAsync(page, "channels-sandbox-strip");

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        var strip = await page.Locator("[data-testid=sandbox-strip]").BoundingBoxAsync();
        strip.ShouldNotBeNull();
        strip.Width.ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(page, "channels-sandbox-strip-phone");
        ErrorLines(server).ShouldBeEmpty();
    }

    [GeneratedRegex(@"next start: (\S+)")]
    private static partial Regex LoggedPassword();
}
