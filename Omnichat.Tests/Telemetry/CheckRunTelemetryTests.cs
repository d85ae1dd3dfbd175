using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Health;
using Omnichat.Core.Telemetry;
using Omnichat.Tests.Channels;

namespace Omnichat.Tests.Telemetry;

/// <summary>A check run over the real console and sandbox shows in the metrics and as a span with its Graph calls inside.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class CheckRunTelemetryTests
{
    [Fact]
    public async Task CheckRun_TwoHealthyPages_RecordsTheRunItsDurationPagesAndGraphRequests()
    {
        await using var console = await TelemetryConsole.StartAsync();
        using var driver = new ConsentDriver(console.Server);
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await driver.ConnectAsync(admin, DemoWorld.ShopPageId(1), DemoWorld.ShopPageId(2))).ShouldAllBe(r => r.Succeeded);
        console.Points("omnichat.check.runs").ShouldNotContain(p => Equals(p.Labels["check.scope"], "all"));

        await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        var run = console.Points("omnichat.check.runs").Where(p => Equals(p.Labels["check.scope"], "all")).ShouldHaveSingleItem();
        run.Point.GetSumLong().ShouldBe(1);
        var duration = console.Points("omnichat.check.duration").Single(p => Equals(p.Labels["check.scope"], "all")).Point;
        duration.GetHistogramCount().ShouldBe(1);
        duration.GetHistogramSum().ShouldBeGreaterThan(0);
        var pages = console.Points("omnichat.check.pages").Where(p => Equals(p.Labels["check.scope"], "all")).ToList();
        pages.ShouldHaveSingleItem().Labels["check.outcome"].ShouldBe("passed");
        pages.Single().Point.GetSumLong().ShouldBe(2);
        console.Points("omnichat.check.graph_requests").Single(p => Equals(p.Labels["check.scope"], "all")).Point.GetSumLong()
            .ShouldBe(1, "two pages fit in one batch request");
        console.Points("omnichat.graph.calls")
            .ShouldContain(p => Equals(p.Labels["graph.endpoint"], "batch") && Equals(p.Labels["graph.result"], "ok"));
    }

    [Fact]
    public async Task PasswordChangeOfThePersonInUse_CountsAFailoverByCause()
    {
        await using var console = await TelemetryConsole.StartAsync();
        using var driver = new ConsentDriver(console.Server);
        var admin = await driver.CallerAsync("admin@demo.local");
        var admin2 = await driver.CallerAsync("admin2@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await driver.ConnectAsync(admin, DemoWorld.ShopPageId(1), DemoWorld.ShopPageId(2))).ShouldAllBe(r => r.Succeeded);
        await driver.ConsentAsync(admin2, DemoWorld.KevinId, "all");
        console.Points("omnichat.authorization.failovers").ShouldBeEmpty();

        await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        var point = console.Points("omnichat.authorization.failovers").ShouldHaveSingleItem();
        point.Labels["failover.cause"].ShouldBe("password_changed_or_security_reset");
        point.Point.GetSumLong().ShouldBe(2, "both pages moved to Kevin Wu's authorization");
    }

    [Fact]
    public async Task CheckRun_IsOneSpanThatHoldsItsGraphRequest()
    {
        await using var console = await TelemetryConsole.StartAsync();
        using var driver = new ConsentDriver(console.Server);
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await driver.ConnectAsync(admin, DemoWorld.ShopPageId(1))).ShouldAllBe(r => r.Succeeded);

        await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        var spans = console.FinishedSpans();
        var runs = spans.Where(s => s.Source.Name == OmnichatTracing.SourceName && s.OperationName == "omnichat.check.run").ToList();
        // Connecting checked the new page (scope "connection"); the run asked for here is the other one.
        runs.Select(r => r.GetTagItem("check.scope")).ShouldBe(["connection", "all"], ignoreOrder: true);
        var run = runs.Single(r => Equals(r.GetTagItem("check.scope"), "all"));
        spans.ShouldContain(s => s.TraceId == run.TraceId && s.Kind == System.Diagnostics.ActivityKind.Client
            && (s.GetTagItem("url.full") as string ?? "").Contains("/sandbox/graph/", StringComparison.Ordinal),
            "the batch request is a child of the run");
    }
}
