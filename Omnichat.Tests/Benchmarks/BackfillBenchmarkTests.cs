using Omnichat.Console.Benchmarks;

namespace Omnichat.Tests.Benchmarks;

/// <summary>The back-fill benchmark's whole code path with small numbers: its figures must agree with each other.</summary>
public sealed class BackfillBenchmarkTests
{
    [Fact]
    public async Task Run_TwoPagesOfThreeConversations_ImportsEveryMessageOnce_WithinMetasLimit()
    {
        var options = new BackfillBenchmarkOptions { Pages = 2, Conversations = 3, Messages = 2, LatencyMs = 5 };

        var report = await new BackfillBenchmark(options, TextWriter.Null).RunAsync(CancellationToken.None);
        using var text = new StringWriter();
        await report.WriteToAsync(text);

        report.CallsPerPage.ShouldBe(1 + 3, "one listing page and one read per conversation");
        report.SandboxCalls.ShouldBe(2 * 4);
        report.Refused.ShouldBe(0);
        report.MostInOneSecond.ShouldBeLessThanOrEqualTo(2);
        (report.Expected, report.Imported, report.Stored, report.Duplicates).ShouldBe((12, 12, 12, 0));
        (report.Unrecoverable, report.Failed).ShouldBe((0, 0));
        report.AllImported.ShouldBeTrue();
        report.Bound.ShouldBe(TimeSpan.FromSeconds(2));
        // Four calls of one page at 2 a second cannot take less than three half seconds, however many pages run.
        report.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.5));
        report.RatioToBound.ShouldBe(report.Elapsed / report.Bound, 1e-9);
        report.Memory.Peak.WorkingSet.ShouldBeGreaterThanOrEqualTo(report.Memory.Baseline.WorkingSet);
        var printed = text.ToString();
        printed.ShouldContain("8 received by the sandbox (expected 4 per page");
        printed.ShouldContain("12 imported (expected 12), 12 stored, 0 duplicates");
        printed.ShouldContain("PASS no duplicates: 0");
    }

    [Theory]
    [InlineData(new[] { "--pages", "10", "--conversations", "50", "--messages", "20", "--latency-ms", "0" }, 10, 50, 20, 0)]
    [InlineData(new string[0], 1, 200, 10, 100)]
    public void TryParse_Options_ReadAsGiven(string[] args, int pages, int conversations, int messages, int latency)
    {
        BackfillBenchmarkOptions.TryParse(args, out var options, out _).ShouldBeTrue();

        (options.Pages, options.Conversations, options.Messages, options.LatencyMs).ShouldBe((pages, conversations, messages, latency));
    }

    [Theory]
    [InlineData("--pages", "0")]
    [InlineData("--messages", "21")]
    [InlineData("--conversations", "many")]
    [InlineData("--colour", "1")]
    public void TryParse_BadOption_SaysWhich(string name, string value)
    {
        BackfillBenchmarkOptions.TryParse([name, value], out _, out var problem).ShouldBeFalse();

        problem.ShouldContain(name);
    }
}
