using System.Text.Json;
using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Browser;

/// <summary>
/// The sandbox in a process of its own (<c>-- sandbox</c>), the console started with <c>Sandbox:Url</c>: Facebook's
/// dialog comes from the sandbox process, returns to the console, the page connects, and the sandbox's own control
/// panel works there.
/// </summary>
public sealed class SandboxProcessFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    [Fact]
    public async Task ConnectThroughTheSandboxProcess_AndUseItsPanel()
    {
        var sandboxAddress = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
        var server = await StartServerAsync(s => s.With("Sandbox:Url", sandboxAddress.ToString()));
        using var sandbox = await ConsoleProcess.StartSandboxAsync(sandboxAddress, server.BaseAddress,
            Path.Combine(server.DataFolder, "sandbox-process.json"));

        var page = await NewPageAsync();
        await SignInAsync(page, server, DemoAccounts.Admin.Email, DemoAccounts.Password);
        var dialog = await page.Context.RunAndWaitForPageAsync(() => page.Locator("[data-testid=connect-facebook-page]").First.ClickAsync());
        await dialog.Locator("[data-testid=dialog-continue]").WaitForAsync();
        dialog.Url.ShouldStartWith(new Uri(sandboxAddress, "sandbox/dialog/").ToString());
        await ScreenshotAsync(dialog, "dialog-from-the-sandbox-process");
        (await ConsentToEverythingAsync(dialog)).ShouldContain("授權完成");
        dialog.Url.ShouldStartWith(server.BaseAddress.ToString(), Case.Sensitive, "the dialog returns to the console's callback");
        await dialog.CloseAsync();

        var authorized = page.Locator($"[data-testid=authorized-page][data-page-id='{Taipei}']");
        await authorized.Locator("input[type=checkbox]").CheckAsync();
        await page.ClickAsync("[data-testid=connect-selected]");
        var connected = page.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=connected-page][data-page-id='{Taipei}']") });
        await connected.WaitForAsync();
        await Assertions.Expect(connected.Locator("[data-status]")).ToHaveTextAsync("正常", new() { Timeout = 30_000 });
        await ScreenshotAsync(page, "connected-through-the-sandbox-process");

        // The panel of the sandbox process is interactive: Dana changes her password there.
        var panel = await NewPageAsync();
        await panel.GotoAsync(new Uri(sandboxAddress, "sandbox").ToString());
        await WaitForCircuitAsync(panel);
        await panel.ClickAsync($"[data-testid=panel-password-change-{DemoWorld.DanaId}]");
        using var control = new HttpClient { BaseAddress = new Uri(sandboxAddress, "sandbox/api/") };
        await Eventually.TrueAsync(async () =>
        {
            var state = JsonDocument.Parse(await control.GetStringAsync("state")).RootElement;
            return state.GetProperty("users").EnumerateArray()
                .Any(u => u.GetProperty("id").GetString() == DemoWorld.DanaId && u.GetProperty("tokenState").GetString() == "passwordChanged");
        }, TimeSpan.FromSeconds(10), "the panel's button changed Dana's password in the sandbox process");
        await ScreenshotAsync(panel, "sandbox-process-panel");
        sandbox.Output.ShouldNotContain("fail:", Case.Sensitive, "the sandbox process logged no error");
        ErrorLines(server).ShouldBeEmpty("the console logged no error while playing against the sandbox process");
    }
}
