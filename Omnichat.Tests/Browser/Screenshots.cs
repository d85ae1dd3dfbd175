using Microsoft.Playwright;

namespace Omnichat.Tests.Browser;

/// <summary>
/// Screenshots under TestResults/screenshots/{TestClass}/{NN}-{name}.png at the repository root, which CI keeps as
/// artifacts, so a reviewer can see each screen a flow went through.
/// </summary>
public static class Screenshots
{
    public static async Task<string> TakeAsync(BrowserFixture browser, IPage page, string testClass, string name)
    {
        var folder = Path.Combine(RepositoryRoot(), "TestResults", "screenshots", testClass);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{browser.NextScreenshotNumber(testClass):00}-{name}.png");
        // A full-page capture of a scrolled page draws the fixed app bar mid-page; capture from the top.
        await page.EvaluateAsync("window.scrollTo(0, 0)");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Omnichat.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Omnichat.sln above {AppContext.BaseDirectory}.");
    }
}
