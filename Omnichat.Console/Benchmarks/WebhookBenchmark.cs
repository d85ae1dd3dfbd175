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

        System.Console.WriteLine($"Webhook benchmark against {options.Url}: {options.Seconds} s per run, rate {options.Rate}/s, {options.Concurrency} workers at full speed");
        long storedBefore = options.Database is null ? 0 : MaxDeliveryId(options.Database);
        long acknowledgedWebhooks = 0;
        var results = new List<WebhookBenchmarkResult>();
        foreach (var (name, path) in new[] { ("bare", "webhooks/facebook/bare"), ("webhook", "webhooks/facebook") })
        {
            await WarmUpAsync(http, path, options);
            var fixedRate = await FixedRateAsync(http, path, options);
            results.Add(fixedRate with { Name = $"{name} @ {options.Rate}/s" });
            var fullSpeed = await FullSpeedAsync(http, path, options);
            results.Add(fullSpeed with { Name = $"{name} @ full speed" });
            if (name == "webhook")
            {
                acknowledgedWebhooks = fixedRate.Acknowledged + fullSpeed.Acknowledged + options.WarmUp;
            }
        }

        System.Console.WriteLine();
        System.Console.WriteLine($"{"run",-26} {"sent",8} {"200s",8} {"other",6} {"req/s",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var r in results)
        {
            System.Console.WriteLine($"{r.Name,-26} {r.Sent,8} {r.Acknowledged,8} {r.Sent - r.Acknowledged,6} {r.Throughput,9:F0} {r.P50,8:F2} {r.P99,8:F2} {r.Max,8:F2}");
        }
        var bareFull = results.Single(r => r.Name == "bare @ full speed");
        var hookFull = results.Single(r => r.Name == "webhook @ full speed");
        var hookRate = results.Single(r => r.Name.StartsWith("webhook @", StringComparison.Ordinal) && r.Name != hookFull.Name);
        System.Console.WriteLine();
        System.Console.WriteLine($"webhook / bare throughput at full speed: {hookFull.Throughput / bareFull.Throughput:P0} (target ≥ 50%)");
        System.Console.WriteLine($"webhook p99 at {options.Rate}/s: {hookRate.P99:F2} ms (target < 50 ms)");
        if (options.Database is not null)
        {
            // The intake commits before it answers; a moment for nothing, then count.
            var stored = MaxDeliveryId(options.Database) - storedBefore;
            System.Console.WriteLine($"acknowledged webhooks {acknowledgedWebhooks}, stored deliveries {stored}: {(stored >= acknowledgedWebhooks ? "every acknowledged event is stored" : "MISSING EVENTS")}");
        }

        return 0;
    }

    private static long MaxDeliveryId(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT IFNULL(MAX(Id), 0) FROM WebhookDeliveries";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static async Task WarmUpAsync(HttpClient http, string path, WebhookBenchmarkOptions options)
    {
        for (var i = 0; i < options.WarmUp; i++)
        {
            await SendAsync(http, path, options, Body(options, "warm"));
        }
    }

    private static async Task<WebhookBenchmarkResult> FixedRateAsync(HttpClient http, string path, WebhookBenchmarkOptions options)
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
        return WebhookBenchmarkResult.From(latencies, ok, clock.Elapsed);
    }

    private static async Task<WebhookBenchmarkResult> FullSpeedAsync(HttpClient http, string path, WebhookBenchmarkOptions options)
    {
        var latencies = new List<double>[options.Concurrency];
        var oks = new List<bool>[options.Concurrency];
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(options.Seconds);
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
        return WebhookBenchmarkResult.From([.. latencies.SelectMany(l => l)], [.. oks.SelectMany(o => o)], clock.Elapsed);
    }

    private static byte[] Body(WebhookBenchmarkOptions options, string run)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var mid = $"m_bench_{run}_{Guid.NewGuid():N}";
        var json = $$$$"""{"object":"page","entry":[{"id":"{{{{options.PageId}}}}","time":{{{{now}}}},"messaging":[{"sender":{"id":"7999000000000001"},"recipient":{"id":"{{{{options.PageId}}}}"},"timestamp":{{{{now}}}},"message":{"mid":"{{{{mid}}}}","text":"\u8acb\u554f\u4eca\u5929\u6709\u958b\u55ce\uff1f benchmark"}}]}]}""";
        return Encoding.ASCII.GetBytes(json);
    }

    private static async Task<bool> SendAsync(HttpClient http, string path, WebhookBenchmarkOptions options, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, options.Secret));
        try
        {
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode == 200;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

}
