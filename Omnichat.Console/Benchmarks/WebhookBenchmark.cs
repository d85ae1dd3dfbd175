using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// <c>benchmark webhooks</c>: sends signed Messenger webhooks to consoles on loopback, at a fixed rate and at full
/// speed, against the real endpoint and against a bare endpoint on the same server that only answers 200
/// (Webhooks:BenchmarkBareEndpoint=true). Prints throughput and p50/p99 of the 200 and, given the database, checks that
/// every acknowledged event was stored exactly once. On SQLite it targets a console started by hand (<c>--url</c>,
/// <c>--db</c>); with <c>--postgres</c> it starts <c>--instances</c> console processes on a database of its own in that
/// server and splits the load across them, request by request. Either way the load comes from another process.
/// </summary>
public static class WebhookBenchmark
{
    public const string Verb = "webhooks";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = WebhookBenchmarkOptions.Parse(args);
        await using var telemetry = options.Telemetry ? await WebhookBenchmarkTelemetry.StartAsync(options.OtlpPort) : null;
        await using var consoles = options.Postgres is null ? null
            : await WebhookBenchmarkConsoles.StartAsync(options.Postgres, Math.Max(1, options.Instances), telemetry, CancellationToken.None);
        telemetry?.Scrape(consoles?.ManagementUrls ?? (options.Scrape is null ? [] : [new Uri(options.Scrape.TrimEnd('/') + "/")]));
        var targets = consoles?.BaseAddresses ?? [new Uri(options.Url.TrimEnd('/') + "/")];
        var store = consoles?.Store ?? (options.Database is null ? null : WebhookStore.Sqlite(options.Database));
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        var load = new Load(http, targets, options);

        System.Console.WriteLine($"Webhook benchmark against {consoles?.Describe() ?? options.Url}: {options.Seconds} s at {options.Rate}/s per endpoint, then {options.Rounds} "
            + $"alternating rounds of {options.RoundSeconds} s per endpoint at full speed with {options.Concurrency} workers"
            + (targets.Count > 1 ? $", each request to the next of the {targets.Count} consoles in turn" : ""));
        if (telemetry is not null && consoles is null)
        {
            var port = options.Scrape is { } scrape ? new Uri(scrape).Port : 9464;
            System.Console.WriteLine($"Telemetry on: the console at {options.Url} must run with {telemetry.DescribeSettings(port)}, and --scrape {WebhookBenchmarkTelemetry.ManagementUrl(port)} be given");
        }
        var storedBefore = store?.MaxDeliveryId() ?? 0;
        var endpoints = new[] { new Endpoint("bare", "webhooks/facebook/bare"), new Endpoint("webhook", "webhooks/facebook") };
        var results = new List<WebhookBenchmarkResult>();
        foreach (var endpoint in endpoints)
        {
            await load.WarmUpAsync(endpoint);
            results.Add(WebhookBenchmarkResult.From($"{endpoint.Name} @ {options.Rate}/s", [await load.FixedRateAsync(endpoint)]));
        }

        // Full speed in short rounds that alternate which endpoint goes first: a shared machine drifts by more than
        // the difference being measured, and comparing neighbouring runs cancels most of that drift.
        var rounds = endpoints.ToDictionary(e => e.Name, _ => new List<RunSample>());
        var ratios = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var endpoint in round % 2 == 0 ? endpoints : endpoints.Reverse())
            {
                await WaitForProcessingAsync(store);
                rounds[endpoint.Name].Add(await load.FullSpeedAsync(endpoint));
            }
            var ratio = rounds["webhook"][^1].Throughput / rounds["bare"][^1].Throughput;
            ratios.Add(ratio);
            System.Console.WriteLine($"round {round + 1}: bare {rounds["bare"][^1].Throughput:F0}/s, webhook {rounds["webhook"][^1].Throughput:F0}/s, {ratio:P0}");
        }
        results.AddRange(endpoints.Select(e => WebhookBenchmarkResult.From($"{e.Name} @ full speed", rounds[e.Name])));

        System.Console.WriteLine();
        System.Console.WriteLine($"{"run",-26} {"sent",8} {"200s",8} {"other",6} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var r in results)
        {
            System.Console.WriteLine($"{r.Name,-26} {r.Sent,8} {r.Acknowledged,8} {r.Sent - r.Acknowledged,6} {r.Throughput,9:F0} {r.P50,8:F2} {r.P99,8:F2} {r.Max,8:F2}");
        }
        var bareFull = results.Single(r => r.Name == "bare @ full speed");
        var hookFull = results.Single(r => r.Name == "webhook @ full speed");
        var hookRate = results.Single(r => r.Name == $"webhook @ {options.Rate}/s");
        System.Console.WriteLine();
        System.Console.WriteLine($"webhook / bare throughput at full speed: {hookFull.Throughput / bareFull.Throughput:P0} over all rounds, "
            + $"median round {Median(ratios):P0} (target ≥ 40% on PostgreSQL, ≥ 50% on SQLite)");
        System.Console.WriteLine($"webhook p99 at {options.Rate}/s: {hookRate.P99:F2} ms (target < 50 ms)");
        if (store is not null)
        {
            await WaitForProcessingAsync(store);
            ReportStored(load.AcknowledgedMids, store.MidsStoredAfter(storedBefore), store.Backlog());
        }
        if (telemetry is not null)
        {
            System.Console.WriteLine(telemetry.Report());
        }

        return 0;
    }

    /// <summary>
    /// The intake answers only after its commit, so every acknowledged webhook is already a row; each was sent with
    /// a mid of its own, so a mid stored twice is a body stored twice.
    /// </summary>
    private static void ReportStored(IReadOnlyCollection<string> acknowledged, Dictionary<string, int> stored, long backlog)
    {
        var missing = acknowledged.Count(mid => !stored.ContainsKey(mid));
        var twice = stored.Count(s => s.Value > 1);
        var rows = stored.Values.Sum(n => (long)n);
        System.Console.WriteLine($"acknowledged webhooks {acknowledged.Count}, stored deliveries {rows} with {stored.Count} distinct mids; "
            + $"acknowledged but not stored {missing}, stored more than once {twice}; still to process {backlog}: "
            + (missing == 0 && twice == 0 ? "every acknowledged event is stored, once" : "MISSING OR DUPLICATE EVENTS"));
    }

    /// <summary>
    /// Each round starts on a quiet server: otherwise the processing of the previous webhook round would run during
    /// the next bare round and make the bare endpoint look slower than it is.
    /// </summary>
    private static async Task WaitForProcessingAsync(WebhookStore? store)
    {
        if (store is null)
        {
            return;
        }
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(5) && store.Backlog() > 0)
        {
            await Task.Delay(200);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private sealed record Endpoint(string Name, string Path);

    /// <summary>The requests: each to the next console in turn, and the mids of the webhooks that got their 200.</summary>
    private sealed class Load(HttpClient http, IReadOnlyList<Uri> targets, WebhookBenchmarkOptions options)
    {
        private readonly ConcurrentBag<string> acknowledged = [];
        private long sent;

        public IReadOnlyCollection<string> AcknowledgedMids => acknowledged;

        public async Task WarmUpAsync(Endpoint endpoint)
        {
            for (var i = 0; i < options.WarmUp; i++)
            {
                await SendAsync(endpoint, "warm");
            }
        }

        public async Task<RunSample> FixedRateAsync(Endpoint endpoint)
        {
            var total = options.Rate * options.Seconds;
            var latencies = new double[total];
            var ok = new bool[total];
            var tasks = new List<Task>(total);
            var clock = Stopwatch.StartNew();
            var count = 0;
            while (count < total)
            {
                // Open loop: requests leave on schedule whether or not earlier ones answered; latency counts from the
                // scheduled time, so a stall shows up in p99 instead of quietly lowering the rate.
                var due = (int)Math.Min(total, clock.Elapsed.TotalSeconds * options.Rate + 1);
                for (; count < due; count++)
                {
                    var index = count;
                    var scheduled = TimeSpan.FromSeconds((double)index / options.Rate);
                    tasks.Add(Task.Run(async () =>
                    {
                        ok[index] = await SendAsync(endpoint, "rate");
                        latencies[index] = (clock.Elapsed - scheduled).TotalMilliseconds;
                    }));
                }
                await Task.Delay(1);
            }
            await Task.WhenAll(tasks);
            return new RunSample(latencies, ok, clock.Elapsed);
        }

        public async Task<RunSample> FullSpeedAsync(Endpoint endpoint)
        {
            var latencies = new List<double>[options.Concurrency];
            var oks = new List<bool>[options.Concurrency];
            var clock = Stopwatch.StartNew();
            var end = TimeSpan.FromSeconds(options.RoundSeconds);
            await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(worker => Task.Run(async () =>
            {
                latencies[worker] = [];
                oks[worker] = [];
                while (clock.Elapsed < end)
                {
                    var start = clock.Elapsed;
                    oks[worker].Add(await SendAsync(endpoint, "full"));
                    latencies[worker].Add((clock.Elapsed - start).TotalMilliseconds);
                }
            })));
            return new RunSample([.. latencies.SelectMany(l => l)], [.. oks.SelectMany(o => o)], clock.Elapsed);
        }

        private async Task<bool> SendAsync(Endpoint endpoint, string run)
        {
            var target = targets[(int)(Interlocked.Increment(ref sent) % targets.Count)];
            var (body, mid) = Body(run);
            var ok = await SignedWebhookPost.SendAsync(http, new Uri(target, endpoint.Path).ToString(), body, options.Secret);
            if (ok && endpoint.Name == "webhook")
            {
                acknowledged.Add(mid);
            }
            return ok;
        }

        private (byte[] Body, string Mid) Body(string run)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var mid = $"m_bench_{run}_{Guid.NewGuid():N}";
            var json = $$$$"""{"object":"page","entry":[{"id":"{{{{options.PageId}}}}","time":{{{{now}}}},"messaging":[{"sender":{"id":"7999000000000001"},"recipient":{"id":"{{{{options.PageId}}}}"},"timestamp":{{{{now}}}},"message":{"mid":"{{{{mid}}}}","text":"\u8acb\u554f\u4eca\u5929\u6709\u958b\u55ce\uff1f benchmark"}}]}]}""";
            return (Encoding.ASCII.GetBytes(json), mid);
        }
    }
}
