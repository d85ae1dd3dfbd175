using Omnichat.Console.Benchmarks;

namespace Omnichat.Tests.Benchmarks;

/// <summary>
/// The channels-page benchmark's whole path with small numbers (a real chromium, the console's pages): it signs in,
/// sees the list as the circuit renders it, a page of rows at a time, ticks land, and the figures are printed.
/// </summary>
public sealed class ChannelsPageBenchmarkTests
{
    [Fact]
    public async Task Measure_SeventyAuthorizedTwentyConnected_OnePageOfRows_TicksShow_FiguresPrinted()
    {
        var options = new ChannelsPageOptions { Authorized = 70, Connected = 20, Runs = 1, Ticks = 4 };
        using var progress = new StringWriter();

        var loads = await ChannelsPageBenchmark.MeasureAsync(options, progress, CancellationToken.None);
        using var text = new StringWriter();
        await ChannelsPageBenchmark.WriteAsync(text, options, loads);

        loads.Count.ShouldBe(2, "a warm-up load and the one measured");
        foreach (var load in loads)
        {
            load.AuthorizedRows.ShouldBe(50, "the authorized list renders one page of 50 rows, not all 70");
            load.ConnectedRows.ShouldBe(20);
            load.Pictures.ShouldBeLessThanOrEqualTo(50, "no picture of a row that is not rendered is fetched");
            load.Ticks.Count.ShouldBe(4);
            load.Ticks.ShouldAllBe(t => t > TimeSpan.Zero);
            load.Interactive.ShouldBeGreaterThan(TimeSpan.Zero);
        }
        progress.ToString().ShouldContain("70 authorized pages, 20 connected");
        var printed = text.ToString();
        printed.ShouldContain("interactive: median");
        printed.ShouldContain("tick: median");
        printed.ShouldMatch(@"(PASS|MISS) interactive in under 2 s with 70 authorized and 20 connected pages");
        printed.ShouldMatch(@"(PASS|MISS) a tick shows in under 100 ms");
    }

    [Theory]
    [InlineData("--connected", "600")]
    [InlineData("--authorized", "0")]
    [InlineData("--width", "100")]
    [InlineData("--runs", "many")]
    [InlineData("--pages", "3")]
    public void TryParse_BadArguments_SayWhy(string name, string value)
    {
        ChannelsPageOptions.TryParse([name, value], out _, out var problem).ShouldBeFalse();
        problem.ShouldContain(name);
    }

    [Fact]
    public void TryParse_Defaults_AreTheIssuesTeam()
    {
        ChannelsPageOptions.TryParse([], out var options, out var problem).ShouldBeTrue(problem);
        (options.Authorized, options.Connected, options.Width, options.Height).ShouldBe((500, 200, 1400, 900));
    }
}
