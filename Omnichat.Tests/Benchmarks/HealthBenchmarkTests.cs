using Omnichat.Console.Benchmarks;

namespace Omnichat.Tests.Benchmarks;

/// <summary>The benchmark's whole code path with small numbers: its figures must agree with each other.</summary>
public sealed class HealthBenchmarkTests
{
    [Fact]
    public async Task Run_SixtyConnectionsUnbatchedOnTen_FiguresAreConsistent()
    {
        var options = new HealthBenchmarkOptions { Connections = 60, LatencyMs = 5, Concurrency = 4, UnbatchedConnections = 10, TokensPerPage = 1 };

        var report = await new HealthBenchmark(options, TextWriter.Null).RunAsync(CancellationToken.None);

        report.SetUp.Connections.ShouldBe(60);
        // Code exchange, long-lived exchange, me, debug_token, me/permissions, then me/accounts 25 at a time.
        report.SetUp.ConsentGraphRequests.ShouldBe(5 + 3);
        var batched = report.Batched;
        batched.Summary.Checked.ShouldBe(60);
        batched.Summary.Passed.ShouldBe(60);
        batched.Summary.GraphRequests.ShouldBe(3); // ⌈2·60/50⌉, nothing throttled
        batched.SandboxGraphRequests.ShouldBe(3);
        batched.Bound.ShouldBe(TimeSpan.FromMilliseconds(3 * 5 / 4.0));
        batched.Elapsed.ShouldBeGreaterThan(TimeSpan.FromMilliseconds(5));
        batched.Memory.Peak.WorkingSet.ShouldBeGreaterThanOrEqualTo(batched.Memory.Baseline.WorkingSet);
        batched.Memory.Peak.GcHeap.ShouldBeGreaterThan(0);

        var unbatched = report.Unbatched.ShouldNotBeNull();
        unbatched.UseBatch.ShouldBeFalse();
        unbatched.Summary.Checked.ShouldBe(10);
        unbatched.Summary.Passed.ShouldBe(10);
        unbatched.Summary.GraphRequests.ShouldBe(2 * 10);
        unbatched.SandboxGraphRequests.ShouldBe(2 * 10);
        report.UnbatchedExtrapolated.ShouldBeTrue();
        report.UnbatchedSecondsForN.ShouldNotBeNull().ShouldBe(unbatched.Elapsed.TotalSeconds * 6, 1e-9);
        report.SpeedUp.ShouldNotBeNull().ShouldBe(report.UnbatchedSecondsForN!.Value / batched.Elapsed.TotalSeconds, 1e-9);
    }

    [Fact]
    public async Task Run_TwoTokensPerPage_VerifiesTheBackupsInTheSameBatches()
    {
        var options = new HealthBenchmarkOptions { Connections = 60, LatencyMs = 5, Concurrency = 4, UnbatchedConnections = 10, TokensPerPage = 2 };

        var report = await new HealthBenchmark(options, TextWriter.Null).RunAsync(CancellationToken.None);
        using var text = new StringWriter();
        await report.WriteToAsync(text);

        report.SetUp.People.ShouldBe(2);
        report.SetUp.ConsentGraphRequests.ShouldBe(2 * (5 + 3), "the second person consents the same way");
        var batched = report.Batched;
        (batched.Summary.Checked, batched.Summary.Passed).ShouldBe((60, 60));
        batched.Tokens.ShouldBe(120);
        batched.ExpectedRequests.ShouldBe(4, "⌈(T+N)/50⌉ = ⌈180/50⌉");
        // A page's three calls stay in one batch: 16 pages (48 calls) a batch, so ⌈60/16⌉ = 4 as well.
        batched.Summary.GraphRequests.ShouldBe(4);
        var unbatched = report.Unbatched.ShouldNotBeNull();
        unbatched.Summary.GraphRequests.ShouldBe(3 * 10, "one debug_token per token and subscribed_apps once per page");
        text.ToString().ShouldContain("T=120 tokens (2 per page)");
        text.ToString().ShouldContain("⌈(T+N)/50⌉·L/C");
    }

    [Fact]
    public async Task Run_SkipUnbatched_ReportSaysSoAndMarksEachTarget()
    {
        var options = new HealthBenchmarkOptions { Connections = 30, LatencyMs = 0, SkipUnbatched = true, TokensPerPage = 1 };

        var report = await new HealthBenchmark(options, TextWriter.Null).RunAsync(CancellationToken.None);
        using var text = new StringWriter();
        await report.WriteToAsync(text);

        report.Unbatched.ShouldBeNull();
        report.Batched.Summary.GraphRequests.ShouldBe(2);
        var printed = text.ToString();
        printed.ShouldContain("30 checked: 30 passed");
        printed.ShouldContain("2 counted by the checker, 2 received by the sandbox (expected 2)");
        printed.ShouldContain("inserted directly from the AuthorizedPage rows");
        printed.ShouldContain("Unbatched check: skipped");
        printed.ShouldContain("peak working set under 300 MB");
        printed.ShouldContain("not measured");
    }

    [Theory]
    [InlineData(new[] { "--connections", "500", "--latency-ms", "20", "--concurrency", "8", "--unbatched-connections", "50" }, 500, 20, 8, 50, false)]
    [InlineData(new[] { "--skip-unbatched" }, 10_000, 100, 4, 10_000, true)]
    [InlineData(new string[0], 10_000, 100, 4, 10_000, false)]
    public void TryParse_Options_ReadAsGiven(string[] args, int connections, int latency, int concurrency, int unbatched, bool skip)
    {
        HealthBenchmarkOptions.TryParse(args, out var options, out _).ShouldBeTrue();

        options.Connections.ShouldBe(connections);
        options.LatencyMs.ShouldBe(latency);
        options.Concurrency.ShouldBe(concurrency);
        options.UnbatchedCount.ShouldBe(unbatched);
        options.SkipUnbatched.ShouldBe(skip);
    }

    [Theory]
    [InlineData("--connections", "0")]
    [InlineData("--connections", "ten")]
    [InlineData("--concurrency", "0")]
    [InlineData("--tokens-per-page", "3")]
    [InlineData("--colour", "1")]
    public void TryParse_BadOption_SaysWhich(string name, string value)
    {
        HealthBenchmarkOptions.TryParse([name, value], out _, out var problem).ShouldBeFalse();

        problem.ShouldContain(name);
    }

    [Fact]
    public async Task TryRun_NotABenchmark_LeavesTheConsoleToStart()
    {
        (await BenchmarkCommand.TryRunAsync(["--urls", "http://127.0.0.1:5000"])).ShouldBeNull();
        (await BenchmarkCommand.TryRunAsync(["benchmark", "nothing"])).ShouldBe(2);
    }
}
