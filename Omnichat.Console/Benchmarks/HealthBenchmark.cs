using System.Diagnostics;
using Microsoft.Extensions.Options;
using Omnichat.Core.Health;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// The health-check benchmark: N connections in the sandbox with latency L, one full batched check, then the same
/// check unbatched (on the same console when it covers all N, else on a fresh one with M connections, extrapolated).
/// </summary>
public sealed class HealthBenchmark(HealthBenchmarkOptions options, TextWriter progress)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(50);

    public async Task<HealthBenchmarkReport> RunAsync(CancellationToken cancellationToken)
    {
        SetUpReport setUp;
        string database;
        CheckMeasurement batched;
        CheckMeasurement? unbatched = null;
        await using (var host = await BenchmarkHost.StartAsync(options.Concurrency, cancellationToken, postgresServer: options.Postgres))
        {
            database = host.Database;
            setUp = await SetUpAsync(host, options.Connections, cancellationToken);
            batched = await MeasureAsync(host, useBatch: true, options.Connections, cancellationToken);
            if (!options.SkipUnbatched && options.UnbatchedCount == options.Connections)
            {
                unbatched = await MeasureAsync(host, useBatch: false, options.Connections, cancellationToken);
            }
        }
        if (!options.SkipUnbatched && options.UnbatchedCount < options.Connections)
        {
            await using var host = await BenchmarkHost.StartAsync(options.Concurrency, cancellationToken, postgresServer: options.Postgres);
            await SetUpAsync(host, options.UnbatchedCount, cancellationToken);
            unbatched = await MeasureAsync(host, useBatch: false, options.UnbatchedCount, cancellationToken);
        }
        return new HealthBenchmarkReport(options, database, setUp, batched, unbatched);
    }

    private async Task<SetUpReport> SetUpAsync(BenchmarkHost host, int connections, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"Setting up {connections} connections on {host.BaseAddress} ...");
        var world = new BenchmarkWorld(host);
        var setUp = await world.CreateAsync(connections, cancellationToken, tokensPerPage: options.TokensPerPage);
        await world.SetLatencyAsync(options.LatencyMs, cancellationToken);
        await progress.WriteLineAsync($"  done in {setUp.Total.TotalSeconds:F1} s; sandbox latency now {options.LatencyMs} ms per Graph HTTP request");
        return setUp;
    }

    private async Task<CheckMeasurement> MeasureAsync(BenchmarkHost host, bool useBatch, int connections, CancellationToken cancellationToken)
    {
        var checker = CheckerFor(host, useBatch);
        await progress.WriteLineAsync($"Checking {connections} connections {(useBatch ? "batched" : "unbatched")}, {options.Concurrency} requests in flight ...");

        // Set-up garbage is not the check's: start from a compacted heap whose free memory went back to the OS.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var requestsBefore = host.GraphRequests.Count;
        await using var sampler = MemorySampler.Start(SampleEvery, host.Services.GetRequiredService<TimeProvider>());
        var clock = Stopwatch.StartNew();
        var summary = await checker.CheckAsync(CheckScope.All, null, cancellationToken);
        var elapsed = clock.Elapsed;
        var memory = await sampler.StopAsync();
        var received = host.GraphRequests.Count - requestsBefore;

        await progress.WriteLineAsync($"  {elapsed.TotalSeconds:F2} s, {summary.GraphRequests} Graph requests");
        return new CheckMeasurement(useBatch, connections, connections * options.TokensPerPage, options.Concurrency, options.LatencyMs, elapsed, summary, received, memory);
    }

    // The console's own checker and options, with only HealthCheck:UseBatch set for this run.
    private static IntegrationChecker CheckerFor(BenchmarkHost host, bool useBatch)
    {
        var configured = host.Services.GetRequiredService<IOptions<HealthCheckOptions>>().Value;
        var health = new HealthCheckOptions
        {
            Schedule = configured.Schedule,
            SchedulerEnabled = configured.SchedulerEnabled,
            MaxConcurrency = configured.MaxConcurrency,
            UseBatch = useBatch,
            MaxRateLimitRetries = configured.MaxRateLimitRetries,
            RateLimitBackoff = configured.RateLimitBackoff,
            SlowDownAtUsagePercent = configured.SlowDownAtUsagePercent,
            SlowDownPause = configured.SlowDownPause,
        };
        return ActivatorUtilities.CreateInstance<IntegrationChecker>(host.Services, Options.Create(health));
    }
}
