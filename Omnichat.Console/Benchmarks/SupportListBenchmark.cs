using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Integrations;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// <c>benchmark support-list [--connections 100000] [--days 365] [--database path | --postgres "connection string" [--keep]] [--reuse] [--runs 9]</c>:
/// seeds a database the size the integration status list must handle (<see cref="SupportListSeed"/> says what is in
/// it), then times the list's queries as support staff run them. SQLite by default; with <c>--postgres</c> in a
/// database of its own in that server (see <see cref="BenchmarkPostgresDatabase"/>).
/// </summary>
public static class SupportListBenchmark
{
    public const string Verb = "support-list";

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = IntOption(args, "--connections", 100_000);
        var days = IntOption(args, "--days", 365);
        var runs = IntOption(args, "--runs", 9);
        var reuse = args.Contains("--reuse");
        var server = Option(args, "--postgres");
        await using var postgres = server is null ? null
            : await BenchmarkPostgresDatabase.CreateAsync(server, $"omnichat_support_{connections}_{days}", reuse, keep: args.Contains("--keep"));
        var path = Option(args, "--database") ?? Path.Combine("data", $"benchmark-support-{connections}-{days}.db");
        var provider = postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        var connectionString = postgres?.ConnectionString ?? $"Data Source={path}";
        var where = postgres?.Describe() ?? path;
        var factory = OmnichatDatabase.CreateFactory(provider, connectionString);
        var now = DateTimeOffset.UtcNow;

        if (postgres is null ? !reuse || !File.Exists(path) : !postgres.Existed)
        {
            if (postgres is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                SqliteConnection.ClearAllPools();
                File.Delete(path);
            }
            var seeding = Stopwatch.StartNew();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
            }
            var counts = await Task.Run(() =>
            {
                using ISupportSeedRows rows = postgres is null ? new SqliteSupportSeedRows(connectionString) : new PostgresSupportSeedRows(connectionString);
                return SupportListSeed.Write(rows, connections, days, now);
            });
            var size = postgres is null ? new FileInfo(path).Length : await DatabaseSizeAsync(factory);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {where}: {counts.Teams:N0} teams, {counts.Connections:N0} connections, {counts.Checks:N0} checks, {counts.Episodes:N0} episodes, {counts.Emails:N0} e-mails, {counts.Events:N0} events in {seeding.Elapsed.TotalSeconds:F0} s ({size / 1024 / 1024:N0} MB)"));
        }
        else
        {
            System.Console.WriteLine($"Reusing {where}");
            // A database seeded before a newer migration gets its indexes (and fresh statistics) here.
            await using var db = await factory.CreateDbContextAsync();
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("ANALYZE;");
            }
        }

        var service = new IntegrationStatusService(factory, TimeProvider.System);
        var support = new Caller("benchmark", "Benchmark support", null, IsTeamAdmin: false, IsSupport: true);
        string someTeam;
        Guid someFailing;
        await using (var db = await factory.CreateDbContextAsync())
        {
            someTeam = (await db.Teams.OrderBy(t => t.Name).Skip(1234 % Math.Max(1, await db.Teams.CountAsync())).FirstAsync()).Name;
            someFailing = await db.PageConnections.Where(c => c.Status == ConnectionStatus.NeedsReauthorization).Select(c => c.Id).FirstAsync();
        }
        var cases = new (string Name, IntegrationQuery Query)[]
        {
            ("default: failing since, page 1", new IntegrationQuery()),
            ("status=Failing, failing since", new IntegrationQuery(Status: StatusFilter.Failing)),
            ("status=Healthy, sort page", new IntegrationQuery(Status: StatusFilter.Healthy, Sort: IntegrationSort.Page)),
            ("sort team, page 1", new IntegrationQuery(Sort: IntegrationSort.Team)),
            ("sort status desc", new IntegrationQuery(Sort: IntegrationSort.Status, Descending: true)),
            ("sort last check desc", new IntegrationQuery(Sort: IntegrationSort.LastCheck, Descending: true)),
            ("sort page, page 40", new IntegrationQuery(Sort: IntegrationSort.Page, Page: 39)),
            ($"search team \"{someTeam}\"", new IntegrationQuery(Search: someTeam)),
            ("search page name \"門市 0421\"", new IntegrationQuery(Search: "門市 0421")),
            ("search page id prefix", new IntegrationQuery(Search: "10000000000421")),
            ("plan=Ended, cause=PageRoleLost", new IntegrationQuery(Plan: PlanState.Ended, Cause: FailureCause.PageRoleLost)),
        };
        System.Console.WriteLine($"List of 50 rows as support staff, {runs} runs each after one warm-up (server time of IntegrationStatusService.ListAsync):");
        foreach (var (name, query) in cases)
        {
            IntegrationList? last = null;
            var timing = await TimeAsync(runs, async () => last = await service.ListAsync(support, query, CancellationToken.None));
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-45} median {timing.Median,7:F1} ms  max {timing.Max,7:F1} ms  ({last!.Rows.Count} rows of {last.TotalCount:N0})"));
        }
        System.Console.WriteLine("A connection's detail:");
        var detail = await TimeAsync(runs, () => service.GetDetailAsync(support, someFailing, CancellationToken.None));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"header and last Graph error",-45} median {detail.Median,7:F1} ms  max {detail.Max,7:F1} ms"));
        var timeline = await TimeAsync(runs, () => service.GetTimelineAsync(support, someFailing, null, 50, true, CancellationToken.None));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"timeline, newest 50",-45} median {timeline.Median,7:F1} ms  max {timeline.Max,7:F1} ms"));
        Guid teamId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            teamId = await db.PageConnections.Where(c => c.Id == someFailing).Select(c => c.TeamId).SingleAsync();
        }
        var history = await TimeAsync(runs, () => service.GetTeamHistoryAsync(support, teamId, 30, CancellationToken.None));
        System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {"team's 30-day status chart",-45} median {history.Median,7:F1} ms  max {history.Max,7:F1} ms"));
        SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        return 0;
    }

    private static async Task<(double Median, double Max)> TimeAsync(int runs, Func<Task> action)
    {
        await action();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return (times[times.Count / 2], times[^1]);
    }

    private static async Task<long> DatabaseSizeAsync(IDbContextFactory<OmnichatDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        int.TryParse(Option(args, name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
