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

    protected async Task<IPage> NewPageAsync()
    {
        var page = await Browser.NewPageAsync();
        contexts.Add(page.Context);
        return page;
    }

    /// <summary>Signs in through the real form and waits until the interactive page is usable.</summary>
    protected static async Task SignInAsync(IPage page, ConsoleServer server, string email, string password)
    {
        await page.GotoAsync(new Uri(server.BaseAddress, "Account/Login").ToString());
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
