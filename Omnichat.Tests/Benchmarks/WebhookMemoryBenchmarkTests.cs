using Omnichat.Console.Benchmarks;

namespace Omnichat.Tests.Benchmarks;

/// <summary>The memory benchmark's whole code path with small numbers: what it counts and what it prints agree.</summary>
public sealed class WebhookMemoryBenchmarkTests
{
    [Fact]
    public async Task Measure_TenOneMegabyteBodiesPerBurst_All403_NothingStored_FiguresPrinted()
    {
        var bursts = await WebhookMemoryBenchmark.MeasureAsync(new WebhookMemoryOptions { Requests = 10, Megabytes = 1, SettleSeconds = 0 }, CancellationToken.None);
        using var text = new StringWriter();
        await WebhookMemoryBenchmark.WriteAsync(text, bursts);

        bursts.Select(b => b.Name).ShouldBe(["unsigned", "wrongly signed"]);
        foreach (var burst in bursts)
        {
            // 10 MB fits the default 16 MB of bodies in flight, so every wrongly signed body is read and refused.
            burst.Answers.ShouldBe(new Dictionary<int, int> { [403] = 10 });
            burst.Errors.ShouldBe(0);
            burst.Stored.ShouldBe(0);
            burst.Peak.WorkingSet.ShouldBeGreaterThanOrEqualTo(burst.Before.WorkingSet);
            burst.Growth.ShouldBe(Math.Max(burst.AtOnce.WorkingSet, burst.After.WorkingSet) - burst.Before.WorkingSet);
        }
        var printed = text.ToString();
        printed.ShouldContain("403 x 10");
        printed.ShouldContain("unsigned: working set within 50 MB of where it started");
        printed.ShouldContain("wrongly signed: nothing stored (0 rows)");
    }

    [Theory]
    [InlineData(new[] { "--requests", "20", "--megabytes", "2" }, 20, 2)]
    [InlineData(new string[0], 100, 4)]
    public void TryParse_GoodArguments_AreRead(string[] args, int requests, int megabytes)
    {
        WebhookMemoryOptions.TryParse(args, out var options, out var problem).ShouldBeTrue(problem);
        options.Requests.ShouldBe(requests);
        options.Megabytes.ShouldBe(megabytes);
        options.BodyBytes.ShouldBe(megabytes * 1024L * 1024L);
    }

    [Theory]
    [InlineData("--megabytes", "5")]
    [InlineData("--requests", "0")]
    [InlineData("--requests", "many")]
    [InlineData("--bodies", "3")]
    public void TryParse_BadArguments_SayWhy(string name, string value)
    {
        WebhookMemoryOptions.TryParse([name, value], out _, out var problem).ShouldBeFalse();
        problem.ShouldContain(name);
    }
}
