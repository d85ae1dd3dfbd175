using Microsoft.Playwright;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Browser;

/// <summary>
/// Base for Playwright flows: each test starts its own console (own database), opens pages in a fresh browser
/// context, and helps with the steps every flow shares (sign in, wait for the circuit, screenshots).
/// </summary>
[Collection(BrowserCollection.Name)]
public abstract class BrowserTest(BrowserFixture browser) : IAsyncLifetime
{
    private readonly List<IAsyncLifetime> servers = [];
    private readonly List<IBrowserContext> contexts = [];

    protected BrowserFixture Browser { get; } = browser;

    /// <summary>Starts a console; <paramref name="configure"/> may override settings with <see cref="ConsoleServer.With"/>.</summary>
    protected async Task<ConsoleServer> StartServerAsync(Action<ConsoleServer>? configure = null)
    {
        var server = new ConsoleServer();
        configure?.Invoke(server);
        servers.Add(server);
        await server.InitializeAsync();
        return server;
    }

    /// <summary>Dana consents to every page, 台北店 is connected, then her password changes: a page the next check finds broken.</summary>
    protected static async Task ConnectThenBreakTaipeiAsync(ConsoleServer server)
    {
        using var driver = new Channels.ConsentDriver(server);
        var admin = await driver.CallerAsync(Core.Teams.DemoAccounts.Admin.Email);
        await driver.ConsentAsync(admin, Console.Sandbox.World.DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Console.Sandbox.World.DemoWorld.ShopPageId(1));
        await driver.Sandbox.PostAsync($"users/{Console.Sandbox.World.DemoWorld.DanaId}/password-change");
    }

    /// <summary>Error and critical lines the console logged: a browser flow that produced any has gone wrong somewhere.</summary>
    protected static IReadOnlyList<string> ErrorLines(ConsoleServer server) =>
        server.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)).ToList();

    protected async Task<IPage> NewPageAsync(Action<BrowserNewContextOptions>? adjust = null)
    {
        var page = await Browser.NewPageAsync(adjust);
        contexts.Add(page.Context);
        return page;
    }

    /// <summary>Signs in through the real form and waits until the interactive page is usable.</summary>
    protected static Task SignInAsync(IPage page, ConsoleServer server, string email, string password) =>
        SignInAsync(page, server.BaseAddress, email, password);

    /// <summary>Signs in at a console (or the proxy in front of it) at <paramref name="baseAddress"/>.</summary>
    protected static async Task SignInAsync(IPage page, Uri baseAddress, string email, string password)
    {
        await page.GotoAsync(new Uri(baseAddress, "Account/Login").ToString());
        await FillSignInFormAsync(page, email, password);
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await WaitForCircuitAsync(page);
    }

    protected static async Task FillSignInFormAsync(IPage page, string email, string password)
    {
        await page.FillAsync("#login-email", email);
        await page.FillAsync("#login-password", password);
        await page.ClickAsync("[data-testid=login-submit]");
    }

    /// <summary>Clicks on a prerendered page before the circuit connects are lost; the layout renders this marker once it has.</summary>
    protected static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-testid=circuit-ready]").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

    /// <summary>A first consent in Facebook's dialog: continue, every page, every business, permissions, save, OK; returns the callback page's text.</summary>
    protected static async Task<string> ConsentToEverythingAsync(IPage dialog)
    {
        await dialog.ClickAsync("[data-testid=dialog-continue]");
        await dialog.Locator("[data-testid=dialog-pages-all]").CheckAsync();
        await dialog.ClickAsync("[data-testid=dialog-pages-next]");
        await dialog.Locator("[data-testid=dialog-businesses-all]").CheckAsync();
        await dialog.ClickAsync("[data-testid=dialog-businesses-next]");
        await dialog.ClickAsync("[data-testid=dialog-save]");
        await dialog.ClickAsync("[data-testid=dialog-confirm]");
        return await dialog.Locator("[data-testid=consent-result]").InnerTextAsync();
    }

    /// <summary>
    /// Goes through Facebook's dialog keeping the earlier choices (the steps a reauthorization shows: continue, pages,
    /// businesses, permissions, save, OK) and returns the text of the console's callback page.
    /// </summary>
    protected static async Task<string> ConsentWithEarlierChoicesAsync(IPage dialog)
    {
        foreach (var step in new[] { "dialog-continue", "dialog-pages-next", "dialog-businesses-next", "dialog-save", "dialog-confirm" })
        {
            await dialog.ClickAsync($"[data-testid={step}]");
        }
        return await dialog.Locator("[data-testid=consent-result]").InnerTextAsync();
    }

    protected Task<string> ScreenshotAsync(IPage page, string name) => Screenshots.TakeAsync(Browser, page, GetType().Name, name);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }
        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }
    }
}
