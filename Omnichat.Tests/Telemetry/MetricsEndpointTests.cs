using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Telemetry;

/// <summary>
/// <c>/metrics</c> speaks Prometheus's text format to support staff and on the management port, and to nobody else:
/// not anonymously, not to a team's admin, not when it is off.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_SupportStaff_GetPrometheusText()
    {
        await using var console = await TelemetryConsole.StartAsync();
        using var support = await console.Server.SignInAsync("support@demo.local");

        using var response = await support.GetAsync("metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("# TYPE omnichat_webhook_backlog gauge");
        text.ShouldContain("omnichat_webhook_backlog{otel_scope_name=\"Omnichat.Console\"} 0");
    }

    [Fact]
    public async Task Metrics_Anonymous_OrATeamAdmin_AreRefused()
    {
        await using var console = await TelemetryConsole.StartAsync();
        using var anonymous = console.Server.CreateHttpClient();
        using var admin = await console.Server.SignInAsync("admin@demo.local");

        using var anonymousAnswer = await anonymous.GetAsync("metrics");
        using var adminAnswer = await admin.GetAsync("metrics");

        ((int)anonymousAnswer.StatusCode).ShouldBeOneOf(401, 403, 404);
        ((int)adminAnswer.StatusCode).ShouldBeOneOf(401, 403, 404);
        (await anonymousAnswer.Content.ReadAsStringAsync()).ShouldNotContain("omnichat_");
        (await adminAnswer.Content.ReadAsStringAsync()).ShouldNotContain("omnichat_");
    }

    [Fact]
    public async Task Metrics_Off_IsNotServedAndNothingIsCollected()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var support = await server.SignInAsync("support@demo.local");

        using var response = await support.GetAsync("metrics");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        server.Services.GetService<MeterProvider>().ShouldBeNull("nothing collects metrics by default");
        server.Services.GetService<TracerProvider>().ShouldBeNull("nothing records spans by default");
    }

    [Fact]
    public async Task Metrics_OnTheManagementPort_AnswerTheScraperAndNothingElse()
    {
        var managementPort = LoopbackPorts.Next();
        await using var console = await TelemetryConsole.StartAsync(s => s.With("Telemetry:ManagementUrls:0", $"http://127.0.0.1:{managementPort}"));
        using var scraper = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{managementPort}/") };
        using var anonymous = console.Server.CreateHttpClient();

        using var scrape = await scraper.GetAsync("metrics");
        using var page = await scraper.GetAsync("Account/Login");
        using var publicScrape = await anonymous.GetAsync("metrics");

        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await scrape.Content.ReadAsStringAsync()).ShouldContain("# TYPE omnichat_webhook_backlog gauge");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the management port serves the scrape, not the console");
        publicScrape.StatusCode.ShouldBe(HttpStatusCode.NotFound, "the public port still refuses an anonymous scrape");
    }
}
