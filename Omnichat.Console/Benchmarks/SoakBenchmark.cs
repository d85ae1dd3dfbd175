using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Retention;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// <c>benchmark soak</c>: the console with its real schedule checking N connections every S seconds and a steady stream
/// of signed customer messages, for a long time. Memory that grows with time (a cache without a bound, a list of runs,
/// events kept alive) shows here and nowhere else; so does a database that only grows.
/// </summary>
public static class SoakBenchmark
{
    public const string Verb = "soak";
    private const int CustomersPerPage = 1000;
    private const string FirstPageId = "104600000000001";

    public static async Task<int> RunAsync(string[] args)
    {
        if (!SoakOptions.TryParse(args, out var options, out var problem))
        {
            await System.Console.Error.WriteLineAsync(problem);
            await System.Console.Error.WriteLineAsync(SoakOptions.Usage);
            return 2;
        }
        using var cancel = new CancellationTokenSource();
        System.Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        var report = await MeasureAsync(options, System.Console.Out, cancel.Token);
        await WriteSummaryAsync(System.Console.Out, report);
        return 0;
    }

    public static async Task<SoakReport> MeasureAsync(SoakOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var host = await BenchmarkHost.StartAsync(concurrency: 4, cancellationToken, new Dictionary<string, string?>
        {
            ["HealthCheck:SchedulerEnabled"] = "true",
            ["HealthCheck:Schedule"] = $"0/{options.CheckSeconds} * * * * ?",
            // The sandbox knows only customers who wrote through it, so the name lookup for each new conversation of this
            // stream gets 100/33: the lookup still runs (and is measured), its warning per conversation would drown the report.
            ["Logging:LogLevel:Omnichat.Core.Facebook.GraphClient"] = "Error",
        });
        await progress.WriteLineAsync($"Setting up {options.Connections} connections on {host.BaseAddress} ...");
        await new BenchmarkWorld(host).CreateAsync(options.Connections, cancellationToken);
        await progress.WriteLineAsync(
            $"Soaking for {options.Duration.TotalMinutes:F0} min: checks every {options.CheckSeconds} s, {options.WebhooksPerSecond} webhooks/s; " +
            $"growth measured after {options.WarmUp.TotalMinutes:F0} min of warm-up");
        await progress.WriteLineAsync("  elapsed  working set  live heap  check runs  webhooks ok/refused  database");

        var stream = new WebhookStream(host, options.WebhooksPerSecond, options.Connections);
        using var stopStream = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var streaming = stream.RunAsync(stopStream.Token);
        var samples = new List<SoakSample>();
        var clock = Stopwatch.StartNew();
        using (var timer = new PeriodicTimer(options.SampleEvery))
        {
            while (clock.Elapsed < options.Duration && await timer.WaitForNextTickAsync(cancellationToken))
            {
                var sample = await SampleAsync(host, clock.Elapsed, stream, cancellationToken);
                samples.Add(sample);
                await progress.WriteLineAsync(Line(sample));
            }
        }
        await stopStream.CancelAsync();
        await streaming;

        var retention = await RetainAsync(host, cancellationToken);
        return new SoakReport(options, samples, retention);
    }

    public static async Task WriteSummaryAsync(TextWriter output, SoakReport report)
    {
        var from = report.AfterWarmUp;
        await output.WriteLineAsync(
            $"Growth from {Minutes(from.Elapsed)} to {Minutes(report.Last.Elapsed)}: working set {Megabytes(report.WorkingSetGrowth)}, " +
            $"live heap {Megabytes(report.LiveHeapGrowth)} (target: under {Megabytes(SoakOptions.TargetGrowthBytes)} each): " +
            (report.TargetMet ? "target met" : "TARGET MISSED"));
        await output.WriteLineAsync(
            $"{report.Last.CheckRuns} check runs of {report.Options.Connections} connections, {report.Last.WebhooksAcknowledged} webhooks acknowledged, " +
            $"{report.Last.WebhooksRefused} refused");
        var r = report.Retention;
        await output.WriteLineAsync(
            $"Database: {Megabytes(report.Last.DatabaseBytes)} on disk after the run; the daily retention pass (as if run past every horizon) " +
            $"rolled up {r.PassedChecksRolledUp} passed checks and removed {r.WebhookBodiesRemoved} webhook bodies: data in use " +
            $"{Megabytes(r.LiveBytesBefore)} -> {Megabytes(r.LiveBytesAfter)}");
    }

    private static async Task<SoakSample> SampleAsync(BenchmarkHost host, TimeSpan elapsed, WebhookStream stream, CancellationToken cancellationToken)
    {
        var liveHeap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var dbFactory = host.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var runs = await db.CheckRuns.CountAsync(cancellationToken);
        var bytes = new[] { host.DatabasePath, host.DatabasePath + "-wal" }.Where(File.Exists).Sum(f => new FileInfo(f).Length);
        return new SoakSample(elapsed, process.WorkingSet64, liveHeap, runs, stream.Acknowledged, stream.Refused, bytes);
    }

    private static async Task<SoakRetention> RetainAsync(BenchmarkHost host, CancellationToken cancellationToken)
    {
        var options = host.Services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        var pastEveryHorizon = new[] { options.PassedChecks, options.WebhookBodies }.Max() + TimeSpan.FromDays(1);
        var later = new LaterClock(host.Services.GetRequiredService<TimeProvider>(), pastEveryHorizon);
        var before = LiveBytes(host.DatabasePath);
        var summary = await ActivatorUtilities.CreateInstance<RetentionService>(host.Services, (TimeProvider)later).RunAsync(cancellationToken);
        return new SoakRetention(before, LiveBytes(host.DatabasePath), summary.PassedChecksRolledUp, summary.WebhookBodiesRemoved);
    }

    private static long LiveBytes(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT (page_count - freelist_count) * page_size FROM pragma_page_count(), pragma_freelist_count(), pragma_page_size()";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Line(SoakSample s) =>
        $"  {Minutes(s.Elapsed),7}  {Megabytes(s.WorkingSet),11}  {Megabytes(s.LiveHeap),9}  {s.CheckRuns,10}  " +
        $"{$"{s.WebhooksAcknowledged}/{s.WebhooksRefused}",19}  {Megabytes(s.DatabaseBytes),8}";

    private static string Minutes(TimeSpan t) => $"{t.TotalMinutes:F1} min";

    private static string Megabytes(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MB";

    /// <summary>The console's clock moved forward, so one retention pass sees the run's rows as old as the horizons.</summary>
    private sealed class LaterClock(TimeProvider inner, TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + by;
    }

    /// <summary>Customer messages to the benchmark's pages, W a second, from a thousand customers per page.</summary>
    private sealed class WebhookStream(BenchmarkHost host, int perSecond, int pages)
    {
        private long acknowledged;
        private long refused;
        private long sent;

        public long Acknowledged => Interlocked.Read(ref acknowledged);
        public long Refused => Interlocked.Read(ref refused);

        public async Task RunAsync(CancellationToken stop)
        {
            if (perSecond == 0)
            {
                return;
            }
            var secret = host.Services.GetRequiredService<IOptions<FacebookOptions>>().Value.AppSecret;
            using var http = host.CreateHttpClient();
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
            try
            {
                while (await timer.WaitForNextTickAsync(stop))
                {
                    await Task.WhenAll(Enumerable.Range(0, perSecond).Select(_ => SendAsync(http, secret, Interlocked.Increment(ref sent))));
                }
            }
            catch (OperationCanceledException)
            {
                // The run is over.
            }
        }

        private async Task SendAsync(HttpClient http, string secret, long n)
        {
            var pageId = (long.Parse(FirstPageId, CultureInfo.InvariantCulture) + n % pages).ToString(CultureInfo.InvariantCulture);
            var psid = (7_999_000_000_000_000L + n / pages % CustomersPerPage).ToString(CultureInfo.InvariantCulture);
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var json = $$$"""{"object":"page","entry":[{"id":"{{{pageId}}}","time":{{{now}}},"messaging":[{"sender":{"id":"{{{psid}}}"},"recipient":{"id":"{{{pageId}}}"},"timestamp":{{{now}}},"message":{"mid":"m_soak_{{{n}}}","text":"\u8acb\u554f\u9084\u6709\u8ca8\u55ce\uff1f soak {{{n}}}"}}]}]}""";
            var body = Encoding.ASCII.GetBytes(json);
            var answered = await SignedWebhookPost.SendAsync(http, "webhooks/facebook", body, secret);
            Interlocked.Increment(ref answered ? ref acknowledged : ref refused);
        }
    }
}
