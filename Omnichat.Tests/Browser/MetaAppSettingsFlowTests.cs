using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Omnichat.Console.Resources;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Browser;

/// <summary>The verify token left the log; support staff find it, hidden until asked, on the Meta app settings page.</summary>
public sealed class MetaAppSettingsFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    [Fact]
    public async Task SupportStaff_OpenMetaAppSettings_SeeTheUrlsAndRevealTheVerifyToken()
    {
        var server = await StartServerAsync();
        var token = server.Services.GetRequiredService<WebhookVerifyToken>().Value;
        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Support.Email, DemoAccounts.Password);

        await page.Locator("[data-testid=nav-meta-app]").ClickAsync();
        var field = page.Locator("input[data-testid=meta-verify-token]");
        await field.WaitForAsync();
        (await field.GetAttributeAsync("type")).ShouldBe("password");
        (await page.Locator("input[data-testid=meta-webhook-url]").InputValueAsync()).ShouldBe($"{server.BaseAddress}webhooks/facebook");
        await ScreenshotAsync(page, "meta-app-hidden-token");

        await page.GetByRole(AriaRole.Button, new() { Name = Text.ZhTw(SupportStrings.ResourceManager, nameof(SupportStrings.MetaShowToken)) }).ClickAsync();
        await Assertions.Expect(field).ToHaveAttributeAsync("type", "text");
        (await field.InputValueAsync()).ShouldBe(token);

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
        var box = await page.Locator("input[data-testid=meta-webhook-url]").BoundingBoxAsync();
        box.ShouldNotBeNull();
        (box.X + box.Width).ShouldBeLessThanOrEqualTo(390);
        await ScreenshotAsync(page, "meta-app-phone");
        ErrorLines(server).ShouldBeEmpty();
    }
}
