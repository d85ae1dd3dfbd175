using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// <c>benchmark webhook-memory [--requests 100] [--megabytes 4]</c>: starts the console in this process (so it can force
/// a full collection in it), then sends bursts of concurrent large POSTs that no one signed or that carry a wrong
/// signature, and prints the working set before, at its peak and after each burst. The target: after a full
/// collection the working set is back within 50 MB of where the burst started, and nothing was stored.
/// </summary>
public static class WebhookMemoryBenchmark
{
    public const string Verb = "webhook-memory";

    private const string Path = "webhooks/facebook";
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(20);

    public static async Task<int> RunAsync(string[] args)
    {
        if (!WebhookMemoryOptions.TryParse(args, out var options, out var problem))
        {
            await System.Console.Error.WriteLineAsync(problem);
            await System.Console.Error.WriteLineAsync(WebhookMemoryOptions.Usage);
            return 2;
        }
        var output = System.Console.Out;
        await output.WriteLineAsync(Invariant($"Webhook memory benchmark: bursts of {options.Requests} concurrent POSTs of {options.Megabytes} MB to /{Path}, the console in this process"));
        var bursts = await MeasureAsync(options, CancellationToken.None);
        await WriteAsync(output, bursts);
        return 0;
    }

    public static async Task<IReadOnlyList<WebhookMemoryBurst>> MeasureAsync(WebhookMemoryOptions options, CancellationToken cancellationToken)
    {
        await using var host = await BenchmarkHost.StartAsync(concurrency: 4, cancellationToken);
        var secret = host.Services.GetRequiredService<IOptions<FacebookOptions>>().Value.AppSecret;
        var wrongSignature = "sha256=" + new string('0', 64);

        using (var http = CreateClient(host, options))
        {
            await WarmUpAsync(http, secret, wrongSignature, cancellationToken);
        }
        return
        [
            await BurstAsync(host, "unsigned", signature: null, options, cancellationToken),
            await BurstAsync(host, "wrongly signed", wrongSignature, options, cancellationToken),
        ];
    }

    public static async Task WriteAsync(TextWriter output, IReadOnlyList<WebhookMemoryBurst> bursts)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"burst",-16} {"answers",-24} {"errors",6} {"stored",6} {"seconds",7} {"before MB",9} {"peak MB",8} {"at once MB",10} {"after MB",8} {"growth MB",9}");
        foreach (var b in bursts)
        {
            var answers = string.Join(", ", b.Answers.OrderBy(a => a.Key).Select(a => $"{a.Key} x {a.Value}"));
            await output.WriteLineAsync(Invariant(
                $"{b.Name,-16} {answers,-24} {b.Errors,6} {b.Stored,6} {b.Elapsed.TotalSeconds,7:F1} {Mb(b.Before.WorkingSet),9} {Mb(b.Peak.WorkingSet),8} {Mb(b.AtOnce.WorkingSet),10} {Mb(b.After.WorkingSet),8} {Mb(b.Growth),9}"));
        }
        await output.WriteLineAsync(Invariant($"(working set of this process, console and sender; before, at once and after each follow a full collection; after = once the burst's connections are closed and the server had {bursts.FirstOrDefault()?.Settle.TotalSeconds ?? 0:F0} s to hand idle buffers back; GC heap after: {string.Join(", ", bursts.Select(b => $"{b.Name} {Mb(b.After.GcHeap)} MB"))})"));
        await output.WriteLineAsync("Targets");
        foreach (var b in bursts)
        {
            await output.WriteLineAsync(Invariant(
                $"  {(b.WithinTarget ? "PASS" : "MISS")} {b.Name}: working set within {WebhookMemoryBurst.MaxGrowthBytes / 1024 / 1024} MB of where it started, at once and after settling, each after a full collection ({Mb(b.Growth)} MB)"));
            await output.WriteLineAsync($"  {(b.Stored == 0 ? "PASS" : "MISS")} {b.Name}: nothing stored ({b.Stored} rows)");
        }
    }

    /// <summary>The first requests of each kind compile the code they run; that memory is not what is measured.</summary>
    private static async Task WarmUpAsync(HttpClient http, string secret, string wrongSignature, CancellationToken cancellationToken)
    {
        var valid = Encoding.ASCII.GetBytes("""{"object":"page","entry":[]}""");
        for (var i = 0; i < 3; i++)
        {
            await SendAsync(http, new RepeatedBodyContent(4096), null, cancellationToken);
            await SendAsync(http, new RepeatedBodyContent(4096), wrongSignature, cancellationToken);
            var content = new ByteArrayContent(valid);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            await SendAsync(http, content, WebhookSignature.Sign(valid, secret), cancellationToken);
        }
    }

    /// <summary>A client of its own per burst: disposing it closes its connections, as Meta's would be once idle.</summary>
    private static HttpClient CreateClient(BenchmarkHost host, WebhookMemoryOptions options) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = options.Requests }, disposeHandler: true)
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromMinutes(5),
        };

    private static async Task<WebhookMemoryBurst> BurstAsync(BenchmarkHost host, string name, string? signature,
        WebhookMemoryOptions options, CancellationToken cancellationToken)
    {
        var storedBefore = await CountStoredAsync(host, cancellationToken);
        var before = CollectAndSample();
        await using var sampler = MemorySampler.Start(SampleEvery, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        int?[] answers;
        using (var http = CreateClient(host, options))
        {
            answers = await Task.WhenAll(Enumerable.Range(0, options.Requests)
                .Select(_ => Task.Run(() => SendAsync(http, new RepeatedBodyContent(options.BodyBytes), signature, cancellationToken), cancellationToken)));
        }
        clock.Stop();
        var atOnce = CollectAndSample();
        await Task.Delay(TimeSpan.FromSeconds(options.SettleSeconds), cancellationToken);
        var peak = (await sampler.StopAsync()).Peak;
        var after = CollectAndSample();
        return new WebhookMemoryBurst(
            name,
            answers.Where(a => a is not null).GroupBy(a => a!.Value).ToDictionary(g => g.Key, g => g.Count()),
            answers.Count(a => a is null),
            await CountStoredAsync(host, cancellationToken) - storedBefore,
            clock.Elapsed,
            TimeSpan.FromSeconds(options.SettleSeconds),
            before,
            new MemoryFigures(Math.Max(peak.WorkingSet, before.WorkingSet), Math.Max(peak.GcHeap, before.GcHeap)),
            atOnce,
            after);
    }

    /// <returns>The status code, or null when the request failed without one (a reset connection).</returns>
    private static async Task<int?> SendAsync(HttpClient http, HttpContent content, string? signature, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private static async Task<long> CountStoredAsync(BenchmarkHost host, CancellationToken cancellationToken)
    {
        var factory = host.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.WebhookDeliveries.LongCountAsync(cancellationToken);
    }

    /// <summary>An ordinary full, compacting collection (not the aggressive mode that hands every free page back to the OS).</summary>
    private static MemoryFigures CollectAndSample()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new MemoryFigures(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false));
    }

    private static string Mb(long bytes) => Invariant($"{bytes / 1024.0 / 1024.0:F1}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
