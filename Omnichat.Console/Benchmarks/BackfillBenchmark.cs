using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.Graph;
using Omnichat.Console.Sandbox.Messenger;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Backfill;
using Omnichat.Core.Data;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// The back-fill benchmark: P connected pages, each with C conversations of M customer messages written in a one-hour
/// gap that no webhook delivered, read back by the console's own <see cref="BackfillRunner"/>, all pages at once, against
/// the sandbox with latency L. Meta allows 2 Conversations API calls a second per page, so the bound is the calls one
/// page needs over 2 a second, whatever P is.
/// </summary>
public sealed class BackfillBenchmark(BackfillBenchmarkOptions options, TextWriter progress)
{
    public const string Verb = "backfill";
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(50);
    /// <summary>The Conversations API's listing page, as the console asks for it.</summary>
    private const int ListingPage = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        if (!BackfillBenchmarkOptions.TryParse(args, out var options, out var problem))
        {
            await System.Console.Error.WriteLineAsync(problem);
            await System.Console.Error.WriteLineAsync(BackfillBenchmarkOptions.Usage);
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
            var report = await new BackfillBenchmark(options, System.Console.Out).RunAsync(cancellation.Token);
            await report.WriteToAsync(System.Console.Out);
            return 0;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await System.Console.Error.WriteLineAsync("Benchmark cancelled.");
            return 130;
        }
        catch (BenchmarkException ex)
        {
            await System.Console.Error.WriteLineAsync($"Benchmark failed: {ex.Message}");
            return 1;
        }
    }

    public async Task<BackfillBenchmarkReport> RunAsync(CancellationToken cancellationToken)
    {
        // The worker is off: the runners are started here, all at once, so the wall time is theirs alone.
        await using var host = await BenchmarkHost.StartAsync(4, cancellationToken, new Dictionary<string, string?> { ["Backfill:Enabled"] = "false" });
        var setUp = Stopwatch.StartNew();
        await progress.WriteLineAsync($"Setting up {options.Pages} pages with {options.Conversations} conversations of {options.Messages} messages each on {host.BaseAddress} ...");
        var world = new BenchmarkWorld(host);
        await world.CreateAsync(options.Pages, cancellationToken);
        var gaps = await WriteGapsAsync(host, cancellationToken);
        await world.SetLatencyAsync(options.LatencyMs, cancellationToken);
        var meter = host.Services.GetRequiredService<ConversationsMeter>();
        meter.Reset();
        var setUpTime = setUp.Elapsed;
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  done in {setUpTime.TotalSeconds:F1} s; reading {gaps.Count} gaps back ..."));

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        await using var sampler = MemorySampler.Start(SampleEvery, host.Services.GetRequiredService<TimeProvider>());
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(gaps.Select(id => host.Services.GetRequiredService<BackfillRunner>().RunAsync(id, cancellationToken)));
        var elapsed = clock.Elapsed;
        var memory = await sampler.StopAsync();
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {elapsed.TotalSeconds:F2} s"));

        var usage = meter.Usage().Values.ToList();
        await using var db = await host.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync(cancellationToken);
        var done = await db.EventGaps.AsNoTracking().ToListAsync(cancellationToken);
        var stored = await db.Messages.CountAsync(cancellationToken);
        var distinct = await db.Messages.Select(m => new { m.PageId, m.ConversationId, m.Text }).Distinct().CountAsync(cancellationToken);
        return new BackfillBenchmarkReport(options, host.Database, setUpTime, elapsed,
            CallsPerPage: (options.Conversations + ListingPage - 1) / ListingPage + options.Conversations,
            SandboxCalls: usage.Sum(u => u.Calls),
            MostInOneSecond: usage.Count == 0 ? 0 : usage.Max(u => u.MostInOneSecond),
            Refused: usage.Sum(u => u.Refused),
            Imported: done.Sum(g => g.Recovered),
            Stored: stored,
            Duplicates: stored - distinct,
            Unrecoverable: done.Sum(g => g.Unrecoverable),
            Failed: done.Count(g => g.Backfill != BackfillState.Done),
            memory);
    }

    /// <summary>
    /// The gap is the last hour but five minutes, the pages connected an hour before it; every page's threads are
    /// written straight into the sandbox's world in one update (one save of its state file), as customers' messages
    /// while the page was unsubscribed are: in the threads, never in a webhook.
    /// </summary>
    private async Task<List<Guid>> WriteGapsAsync(BenchmarkHost host, CancellationToken cancellationToken)
    {
        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        var from = now - TimeSpan.FromMinutes(65);
        var to = from + TimeSpan.FromHours(1);
        var total = options.Conversations * options.Messages;
        var spacing = (to - from - TimeSpan.FromSeconds(2)) / total;

        await using var db = await host.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync(cancellationToken);
        var connections = await db.PageConnections.OrderBy(c => c.PageId).ToListAsync(cancellationToken);
        host.Services.GetRequiredService<SandboxWorld>().Update((state, _) =>
        {
            for (var p = 0; p < connections.Count; p++)
            {
                var page = state.FindPage(connections[p].PageId) ?? throw new BenchmarkException($"sandbox page {connections[p].PageId} is missing");
                for (var c = 0; c < options.Conversations; c++)
                {
                    var psid = string.Create(CultureInfo.InvariantCulture, $"79{p:D3}{c:D10}");
                    page.Customers[psid] = new SandboxCustomer { Psid = psid, FirstName = "Customer", LastName = psid[^4..] };
                    for (var m = 0; m < options.Messages; m++)
                    {
                        var at = from + TimeSpan.FromSeconds(1) + spacing * (c * options.Messages + m);
                        ConversationLog.Record(page, psid, fromPage: false, MessengerActions.NewMid(),
                            string.Create(CultureInfo.InvariantCulture, $"p{p} c{c} m{m}"), null, at);
                    }
                }
            }
        });
        var gaps = new List<Guid>();
        foreach (var connection in connections)
        {
            connection.ConnectedAt = from - TimeSpan.FromHours(1);
            gaps.Add(GapRecorder.AddClosed(db, connection, GapCause.SupportRequest, from, to, now, "benchmark").Id);
        }
        await db.SaveChangesAsync(cancellationToken);
        return gaps;
    }
}
