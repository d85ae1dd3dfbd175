using Microsoft.Playwright;

namespace Omnichat.Tests.Browser;

/// <summary>
/// One Debian chromium for the whole test run. Playwright never downloads a browser here: the machines reach no
/// browser download site, and the system chromium is what CI installs.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly Dictionary<string, int> screenshotCounters = new();
    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Debian's chromium at {ChromiumPath}. Install it with: apt-get install -y chromium");
        }
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>A fresh context (own cookies) with a desktop viewport, so screenshots are comparable between runs.</summary>
    /// <param name="adjust">Changes to the context's options, e.g. to accept a test's self-signed certificate.</param>
    public async Task<IPage> NewPageAsync(Action<BrowserNewContextOptions>? adjust = null)
    {
        var options = new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
        };
        adjust?.Invoke(options);
        var context = await Browser.NewContextAsync(options);
        // Playwright's own default: the browser flows share 2 cores with the rest of the suite, whose consoles start
        // and stop around them, and a page can take more than 15 s to answer then.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>The next screenshot number for a test class, so files sort in the order they were taken.</summary>
    internal int NextScreenshotNumber(string testClass)
    {
        lock (screenshotCounters)
        {
            screenshotCounters[testClass] = screenshotCounters.GetValueOrDefault(testClass) + 1;
            return screenshotCounters[testClass];
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }
        playwright?.Dispose();
    }
}
