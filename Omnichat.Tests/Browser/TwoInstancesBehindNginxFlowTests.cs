using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Notifications.Support;
using Omnichat.Tests.Postgres;

namespace Omnichat.Tests.Browser;

/// <summary>
/// Production's shape: two console processes on one PostgreSQL database behind nginx with the README's configuration
/// (TLS, sticky sessions by cookie), Facebook played by the sandbox process. The admin has the channels page open in
/// two browsers, one on each instance. A password change makes both show the banner without a reload, one e-mail
/// leaves, and reauthorizing in the browser on B clears the banner in the browser on A.
/// </summary>
public sealed class TwoInstancesBehindNginxFlowTests(BrowserFixture browser) : BrowserTest(browser)
{
    private const string AffinityCookie = "omnichat_node";
    private static readonly string Taipei = DemoWorld.ShopPageId(1);

    [Fact]
    public async Task BannerOnBothInstances_OneEmail_ReauthorizeOnBClearsA()
    {
        await using var smtp = await SmtpTestServer.StartNewAsync();
        var addressA = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
        var addressB = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
        using var nginx = await NginxProxy.StartAsync([addressA, addressB]);
        var sandboxAddress = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
        var sandboxState = Path.Combine(Path.GetTempPath(), $"omnichat-nginx-sandbox-{Guid.NewGuid():N}.json");
        using var sandbox = await ConsoleProcess.StartSandboxAsync(sandboxAddress, nginx.Address, sandboxState);
        var publicUrl = nginx.Address.ToString().TrimEnd('/');
        using var pair = await ConsolePair.StartAsync(PostgresServer.Shared.CreateDatabase(), new Dictionary<string, string>
        {
            ["Sandbox__Url"] = sandboxAddress.ToString(),
            ["Console__PublicUrl"] = publicUrl,
            ["Console__TrustedProxies__0"] = "127.0.0.1",
            ["HealthCheck__SchedulerEnabled"] = "true",
            ["HealthCheck__Schedule"] = "0/5 * * * * ?",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__From"] = "Omnichat <alerts@omnichat.test>",
            ["Email__DispatchIntervalSeconds"] = "1",
        }, addressA: addressA, addressB: addressB);

        // Which affinity keys nginx sends to which instance: a browser is then pinned to each.
        var keyA = await AffinityKeyForAsync(nginx, await ConsolePair.SchedulerInstanceAsync(addressA));
        var keyB = await AffinityKeyForAsync(nginx, await ConsolePair.SchedulerInstanceAsync(addressB));
        var onA = await PinnedPageAsync(nginx, keyA);
        var onB = await PinnedPageAsync(nginx, keyB);

        try
        {
            await SignInAsync(onA, nginx.Address, DemoAccounts.Admin.Email, DemoAccounts.Password);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\n{nginx.Diagnostics}\nA:\n{pair.A.Output}", e);
        }
        var dialog = await onA.Context.RunAndWaitForPageAsync(() => onA.Locator("[data-testid=connect-facebook-page]").First.ClickAsync());
        (await ConsentToEverythingAsync(dialog)).ShouldContain("授權完成");
        dialog.Url.ShouldStartWith(nginx.Address.ToString(), Case.Sensitive, "Facebook returns to the public address");
        await dialog.CloseAsync();
        await onA.Locator($"[data-testid=authorized-page][data-page-id='{Taipei}'] input[type=checkbox]").CheckAsync();
        await onA.ClickAsync("[data-testid=connect-selected]");
        await Connected(onA).WaitForAsync();

        await SignInAsync(onB, nginx.Address, DemoAccounts.Admin.Email, DemoAccounts.Password);
        (await Connected(onB).Locator("[data-status]").InnerTextAsync()).Trim().ShouldBe("正常");

        using var control = new HttpClient { BaseAddress = new Uri(sandboxAddress, "sandbox/api/"), Timeout = TimeSpan.FromSeconds(10) };
        (await control.PostAsync($"users/{DemoWorld.DanaId}/password-change", null)).EnsureSuccessStatusCode();

        // The check runs every 5 s on whichever instance the cluster picks; both pages learn of it by themselves.
        var bannerA = onA.Locator("[data-testid=integration-alert]");
        var bannerB = onB.Locator("[data-testid=integration-alert]");
        await bannerA.WaitForAsync(new() { Timeout = 60_000 });
        await bannerB.WaitForAsync(new() { Timeout = 30_000 });
        (await bannerA.InnerTextAsync()).ShouldContain("更改了密碼");
        (await bannerB.InnerTextAsync()).ShouldContain("Demo Shop 台北店");
        await ScreenshotAsync(onA, "banner-on-instance-a");
        await ScreenshotAsync(onB, "banner-on-instance-b");

        await Eventually.TrueAsync(() => smtp.Messages.Count > 0, TimeSpan.FromSeconds(30), "the reminder e-mail arrived");
        var runsAfterEmail = await CheckRunsAsync(pair);
        await Eventually.TrueAsync(async () => await CheckRunsAsync(pair) >= runsAfterEmail + 2, TimeSpan.FromSeconds(60),
            "two more checks ran on the instances while the page was still failing");
        smtp.Messages.ShouldHaveSingleItem("one e-mail for the failure episode, whichever instance ran the checks");

        var reauthorize = await onB.Context.RunAndWaitForPageAsync(() => bannerB.Locator("[data-testid=alert-reauthorize]").ClickAsync());
        (await ConsentWithEarlierChoicesAsync(reauthorize)).ShouldContain("已重新授權");
        await reauthorize.CloseAsync();
        await bannerA.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 30_000 });
        (await Connected(onA).Locator("[data-status]").InnerTextAsync()).Trim().ShouldBe("正常");
        await ScreenshotAsync(onA, "banner-gone-on-a-after-reauthorizing-on-b");

        // Every request of each browser, the circuit's WebSocket included, reached the instance it was pinned to.
        var log = nginx.AccessLog.Select(l => l.Split(' ')).Select(f => (Key: f[0], Instance: f[1], Path: f[3])).ToList();
        log.Where(r => (r.Key == keyA && r.Instance != addressA.Authority) || (r.Key == keyB && r.Instance != addressB.Authority))
            .Select(r => $"{r.Key} -> {r.Instance} {r.Path}").ShouldBeEmpty("requests that reached the other instance");
        log.Count(r => r.Key == keyA && r.Path.StartsWith("/_blazor", StringComparison.Ordinal)).ShouldBeGreaterThan(0);
        foreach (var (name, process) in new[] { ("A", pair.A), ("B", pair.B), ("sandbox", sandbox) })
        {
            process.Output.ShouldNotContain("fail:", Case.Sensitive, $"{name} logged no error");
        }
        File.Delete(sandboxState);
    }

    private static ILocator Connected(IPage page) =>
        page.Locator("tr").Filter(new() { Has = page.Locator($"[data-testid=connected-page][data-page-id='{Taipei}']") });

    private async Task<IPage> PinnedPageAsync(NginxProxy nginx, string key)
    {
        var page = await NewPageAsync(o => o.IgnoreHTTPSErrors = true);
        await page.Context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = AffinityCookie, Value = key, Url = nginx.Address.ToString(), Secure = true, HttpOnly = true }]);
        return page;
    }

    /// <summary>
    /// An affinity key nginx hashes onto the instance with this scheduler id. Also checks that a browser without one
    /// is given one, as a secure, script-proof cookie.
    /// </summary>
    private static async Task<string> AffinityKeyForAsync(NginxProxy nginx, string instance)
    {
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, _, _, _) => true, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(10) };
        using (var first = await http.GetAsync("healthz"))
        {
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
            var cookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AffinityCookie + "=", StringComparison.Ordinal));
            cookie.ShouldContain("Secure");
            cookie.ShouldContain("HttpOnly");
        }
        for (var i = 0; i < 64; i++)
        {
            var key = $"test-key-{i}";
            using var request = new HttpRequestMessage(HttpMethod.Get, "healthz");
            request.Headers.Add("Cookie", $"{AffinityCookie}={key}");
            using var response = await http.SendAsync(request);
            response.Headers.Contains("Set-Cookie").ShouldBeFalse("a browser keeps the key it has");
            var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement
                .GetProperty("checks").GetProperty("integrationCheck").GetProperty("detail").GetString() ?? "";
            if (detail.EndsWith("instance " + instance, StringComparison.Ordinal))
            {
                return key;
            }
        }
        throw new InvalidOperationException($"No key of 64 went to instance {instance}: the proxy does not spread browsers.");
    }

    private static async Task<int> CheckRunsAsync(ConsolePair pair)
    {
        await using var db = pair.Database();
        return await db.CheckRuns.CountAsync();
    }
}
