namespace Omnichat.Console.Benchmarks;

/// <summary>
/// <c>benchmark health|support-list|webhooks|webhook-memory|soak|channels-page|backfill [options]</c> on the console's command line: runs instead of the web console and exits.
/// Missed targets are reported, not failed; only errors give a non-zero exit code.
/// </summary>
public static class BenchmarkCommand
{
    /// <returns>The exit code, or null when the arguments are not a benchmark command.</returns>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        if (args is not ["benchmark", ..])
        {
            return null;
        }
        var output = System.Console.Out;
        var errors = System.Console.Error;
        if (args is [_, SupportListBenchmark.Verb, ..])
        {
            return await SupportListBenchmark.RunAsync(args[2..]);
        }
        if (args is [_, WebhookBenchmark.Verb, ..])
        {
            return await WebhookBenchmark.RunAsync(args[2..]);
        }
        if (args is [_, WebhookMemoryBenchmark.Verb, ..])
        {
            return await WebhookMemoryBenchmark.RunAsync(args[2..]);
        }
        if (args is [_, ChannelsPageBenchmark.Verb, ..])
        {
            return await ChannelsPageBenchmark.RunAsync(args[2..]);
        }
        if (args is [_, SoakBenchmark.Verb, ..])
        {
            return await SoakBenchmark.RunAsync(args[2..]);
        }
        if (args is [_, BackfillBenchmark.Verb, ..])
        {
            return await BackfillBenchmark.RunAsync(args[2..]);
        }
        if (args is not [_, "health", ..])
        {
            await errors.WriteLineAsync($"Unknown benchmark; the ones there are: health, {SupportListBenchmark.Verb}, {WebhookBenchmark.Verb}, {WebhookMemoryBenchmark.Verb}, {SoakBenchmark.Verb}, {ChannelsPageBenchmark.Verb}, {BackfillBenchmark.Verb}");
            await errors.WriteLineAsync(HealthBenchmarkOptions.Usage);
            return 2;
        }
        if (!HealthBenchmarkOptions.TryParse(args[2..], out var options, out var problem))
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync(HealthBenchmarkOptions.Usage);
            return 2;
        }

        using var cancellation = new CancellationTokenSource();
        System.Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        try
        {
            var report = await new HealthBenchmark(options, output).RunAsync(cancellation.Token);
            await report.WriteToAsync(output);
            return 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await errors.WriteLineAsync("Benchmark cancelled.");
            return 130;
        }
        catch (BenchmarkException ex)
        {
            await errors.WriteLineAsync($"Benchmark failed: {ex.Message}");
            return 1;
        }
    }
}
