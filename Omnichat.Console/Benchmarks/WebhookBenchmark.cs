using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// <c>benchmark webhooks</c>: sends signed Messenger webhooks to a running console on loopback, at a fixed rate and at
/// full speed, against the real endpoint and against a bare endpoint on the same server that only answers 200
/// (Webhooks:BenchmarkBareEndpoint=true). Prints throughput and p50/p99 of the 200; with --db, checks that every
/// acknowledged event was stored. Run it as a second process, so the load does not share the console's process.
/// </summary>
public static class WebhookBenchmark
{
    public const string Verb = "webhooks";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = WebhookBenchmarkOptions.Parse(args);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(options.Url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };

        System.Console.WriteLine($"Webhook benchmark against {options.Url}: {options.Seconds} s at {options.Rate}/s per endpoint, then {options.Rounds} "
            + $"alternating rounds of {options.RoundSeconds} s per endpoint at full speed with {options.Concurrency} workers");
        long storedBefore = options.Database is null ? 0 : MaxDeliveryId(options.Database);
        var endpoints = new[] { new Endpoint("bare", "webhooks/facebook/bare"), new Endpoint("webhook", "webhooks/facebook") };
        var results = new List<WebhookBenchmarkResult>();
        foreach (var endpoint in endpoints)
        {
            await WarmUpAsync(http, endpoint.Path, options);
            results.Add(WebhookBenchmarkResult.From($"{endpoint.Name} @ {options.Rate}/s", [await FixedRateAsync(http, endpoint.Path, options)]));
        }

        // Full speed in short rounds that alternate which endpoint goes first: a shared machine drifts by more than
        // the difference being measured, and comparing neighbouring runs cancels most of that drift.
        var rounds = endpoints.ToDictionary(e => e.Name, _ => new List<RunSample>());
        var ratios = new List<double>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var endpoint in round % 2 == 0 ? endpoints : endpoints.Reverse())
            {
                await WaitForProcessingAsync(options);
                rounds[endpoint.Name].Add(await FullSpeedAsync(http, endpoint.Path, options));
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
            + $"median round {Median(ratios):P0} (target ≥ 50%)");
        System.Console.WriteLine($"webhook p99 at {options.Rate}/s: {hookRate.P99:F2} ms (target < 50 ms)");
        if (options.Database is not null)
        {
            // The intake answers only after its commit, so every acknowledged webhook is already a row.
            var acknowledged = results.Where(r => r.Name.StartsWith("webhook", StringComparison.Ordinal)).Sum(r => (long)r.Acknowledged) + options.WarmUp;
            var stored = MaxDeliveryId(options.Database) - storedBefore;
            System.Console.WriteLine($"acknowledged webhooks {acknowledged}, stored deliveries {stored}: {(stored >= acknowledged ? "every acknowledged event is stored" : "MISSING EVENTS")}");
        }

        return 0;
    }

    /// <summary>
    /// Each round starts on a quiet server: otherwise the processing of the previous webhook round would run during
    /// the next bare round and make the bare endpoint look slower than it is.
    /// </summary>
    private static async Task WaitForProcessingAsync(WebhookBenchmarkOptions options)
    {
        if (options.Database is null)
        {
            return;
        }
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(5) && Scalar(options.Database, "SELECT COUNT(*) FROM WebhookDeliveries WHERE State = 'Received'") > 0)
        {
            await Task.Delay(200);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static long MaxDeliveryId(string database) => Scalar(database, "SELECT IFNULL(MAX(Id), 0) FROM WebhookDeliveries");

    private static long Scalar(string database, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static async Task WarmUpAsync(HttpClient http, string path, WebhookBenchmarkOptions options)
    {
        for (var i = 0; i < options.WarmUp; i++)
        {
            await SendAsync(http, path, options, Body(options, "warm"));
        }
    }

    private static async Task<RunSample> FixedRateAsync(HttpClient http, string path, WebhookBenchmarkOptions options)
    {
        var total = options.Rate * options.Seconds;
        var bodies = Enumerable.Range(0, total).Select(_ => Body(options, "rate")).ToArray();
        var latencies = new double[total];
        var ok = new bool[total];
        var tasks = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        var sent = 0;
        while (sent < total)
        {
            // Open loop: requests leave on schedule whether or not earlier ones answered; latency counts from the
            // scheduled time, so a stall shows up in p99 instead of quietly lowering the rate.
            var due = (int)Math.Min(total, clock.Elapsed.TotalSeconds * options.Rate + 1);
            for (; sent < due; sent++)
            {
                var index = sent;
                var scheduled = TimeSpan.FromSeconds((double)index / options.Rate);
                tasks.Add(Task.Run(async () =>
                {
                    ok[index] = await SendAsync(http, path, options, bodies[index]);
                    latencies[index] = (clock.Elapsed - scheduled).TotalMilliseconds;
                }));
            }
            await Task.Delay(1);
        }
        await Task.WhenAll(tasks);
        return new RunSample(latencies, ok, clock.Elapsed);
    }

    private static async Task<RunSample> FullSpeedAsync(HttpClient http, string path, WebhookBenchmarkOptions options)
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
                var body = Body(options, "full");
                var start = clock.Elapsed;
                oks[worker].Add(await SendAsync(http, path, options, body));
                latencies[worker].Add((clock.Elapsed - start).TotalMilliseconds);
            }
        })));
        return new RunSample([.. latencies.SelectMany(l => l)], [.. oks.SelectMany(o => o)], clock.Elapsed);
    }

    private static byte[] Body(WebhookBenchmarkOptions options, string run)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var mid = $"m_bench_{run}_{Guid.NewGuid():N}";
        var json = $$$$"""{"object":"page","entry":[{"id":"{{{{options.PageId}}}}","time":{{{{now}}}},"messaging":[{"sender":{"id":"7999000000000001"},"recipient":{"id":"{{{{options.PageId}}}}"},"timestamp":{{{{now}}}},"message":{"mid":"{{{{mid}}}}","text":"\u8acb\u554f\u4eca\u5929\u6709\u958b\u55ce\uff1f benchmark"}}]}]}""";
        return Encoding.ASCII.GetBytes(json);
    }

    private static Task<bool> SendAsync(HttpClient http, string path, WebhookBenchmarkOptions options, byte[] body) =>
        SignedWebhookPost.SendAsync(http, path, body, options.Secret);

    private sealed record Endpoint(string Name, string Path);
}
