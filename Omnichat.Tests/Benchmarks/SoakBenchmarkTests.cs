using Omnichat.Console.Benchmarks;

namespace Omnichat.Tests.Benchmarks;

/// <summary>The soak's whole code path in seconds instead of minutes: the schedule checks, webhooks land, retention runs.</summary>
public sealed class SoakBenchmarkTests
{
    [Fact]
    public async Task Measure_ShortRun_ChecksRanWebhooksLandedAndRetentionRolledThemUp()
    {
        var options = new SoakOptions
        {
            Duration = TimeSpan.FromSeconds(12),
            WarmUp = TimeSpan.FromSeconds(4),
            SampleEvery = TimeSpan.FromSeconds(2),
            Connections = 20,
            CheckSeconds = 5,
            WebhooksPerSecond = 5,
        };
        using var progress = new StringWriter();

        var report = await SoakBenchmark.MeasureAsync(options, progress, CancellationToken.None);

        report.Samples.Count.ShouldBeGreaterThanOrEqualTo(5);
        report.Last.CheckRuns.ShouldBeGreaterThan(0, "the schedule ran the check");
        report.Last.WebhooksAcknowledged.ShouldBeGreaterThan(0);
        // A machine loaded by other test runs answers the odd 503 past the 2 s store timeout (Meta retries those); the
        // clean-clone run of c1c71f3 at load 23 refused 5 of about 50. Far more than that is a broken intake.
        (report.Last.WebhooksRefused * 4).ShouldBeLessThanOrEqualTo(report.Last.WebhooksAcknowledged);
        // The first sample at (about) 4 s ends the warm-up; on a busy machine samples come late, so not always the second.
        var warmUpEnds = options.WarmUp - options.SampleEvery / 2;
        report.AfterWarmUp.Elapsed.ShouldBeGreaterThanOrEqualTo(warmUpEnds);
        report.Samples.TakeWhile(s => s != report.AfterWarmUp).ShouldAllBe(s => s.Elapsed < warmUpEnds);
        // A run may fire before the connections exist; every later one passes all 20, and all of them are rolled up.
        report.Retention.PassedChecksRolledUp.ShouldBeGreaterThan(0);
        (report.Retention.PassedChecksRolledUp % options.Connections).ShouldBe(0, "whole runs of passed checks were rolled up");
        report.Retention.WebhookBodiesRemoved.ShouldBeGreaterThan(0);
        report.Retention.LiveBytesAfter.ShouldBeLessThanOrEqualTo(report.Retention.LiveBytesBefore);

        using var summary = new StringWriter();
        await SoakBenchmark.WriteSummaryAsync(summary, report);
        var printed = summary.ToString();
        printed.ShouldContain($"{report.Last.CheckRuns} check runs of 20 connections");
        printed.ShouldContain("(target: under 20.0 MB each)");
        progress.ToString().ShouldContain("elapsed  working set  live heap");
    }

    [Theory]
    [InlineData(new[] { "--minutes", "60", "--check-seconds", "15" }, 60, 5, 15)]
    [InlineData(new[] { "--minutes", "6" }, 6, 2, 10)]
    [InlineData(new string[0], 30, 5, 10)]
    public void TryParse_GoodArguments_AreRead(string[] args, int minutes, int warmUpMinutes, int checkSeconds)
    {
        SoakOptions.TryParse(args, out var options, out var problem).ShouldBeTrue(problem);
        options.Duration.ShouldBe(TimeSpan.FromMinutes(minutes));
        options.WarmUp.ShouldBe(TimeSpan.FromMinutes(warmUpMinutes));
        options.CheckSeconds.ShouldBe(checkSeconds);
    }

    [Theory]
    [InlineData(new[] { "--check-seconds", "7" }, "--check-seconds 7 is out of range")]
    [InlineData(new[] { "--minutes", "10", "--warm-up-minutes", "10" }, "must be less than --minutes 10")]
    [InlineData(new[] { "--hours", "1" }, "Unknown option --hours")]
    [InlineData(new[] { "--minutes", "soon" }, "--minutes needs a whole number")]
    public void TryParse_BadArguments_SayWhy(string[] args, string message)
    {
        SoakOptions.TryParse(args, out _, out var problem).ShouldBeFalse();
        problem.ShouldContain(message);
    }
}
