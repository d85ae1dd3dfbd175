using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Integrations;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// <c>benchmark support-list [--connections 100000] [--days 365] [--database path] [--reuse] [--runs 9]</c>: seeds a
/// database the size the integration status list must handle, then times the list's queries as support staff run them.
///
/// Density of the seeded year (stated, since a real hourly history of 100,000 pages is 876M check rows): one check
/// per live connection per day; about 20% of connections had one past failure episode (1-3 days, with its e-mail and
/// status-change events); 5% are failing now (open episode, failed checks since, an e-mail sent, suppressed, failed or
/// pending); 3% are disconnected; ten connections per team; 5% of teams have an ended plan.
/// </summary>
public static class SupportListBenchmark
{
    public const string Verb = "support-list";

    private static readonly ConnectionStatus[] FailingStatuses =
    [
        ConnectionStatus.NeedsReauthorization, ConnectionStatus.MissingPermission, ConnectionStatus.NotPageAdmin,
        ConnectionStatus.WebhookNotSubscribed, ConnectionStatus.NotMessengerReceiver,
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var connections = IntOption(args, "--connections", 100_000);
        var days = IntOption(args, "--days", 365);
        var runs = IntOption(args, "--runs", 9);
        var path = Option(args, "--database") ?? Path.Combine("data", $"benchmark-support-{connections}-{days}.db");
        var reuse = args.Contains("--reuse");
        var connectionString = $"Data Source={path}";
        var factory = OmnichatDatabase.CreateFactory(DatabaseProvider.Sqlite, connectionString);
        var now = DateTimeOffset.UtcNow;

        if (!reuse || !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            SqliteConnection.ClearAllPools();
            File.Delete(path);
            var seeding = Stopwatch.StartNew();
            await using (var db = await factory.CreateDbContextAsync())
            {
                await db.Database.MigrateAsync();
            }
            var counts = await SeedAsync(connectionString, connections, days, now);
            System.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Seeded {path}: {counts.Teams:N0} teams, {connections:N0} connections, {counts.Checks:N0} checks, {counts.Episodes:N0} episodes, {counts.Emails:N0} e-mails, {counts.Events:N0} events in {seeding.Elapsed.TotalSeconds:F0} s ({new FileInfo(path).Length / 1024 / 1024:N0} MB)"));
        }
        else
        {
            System.Console.WriteLine($"Reusing {path}");
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

    private sealed record SeedCounts(int Teams, long Checks, int Episodes, int Emails, long Events);

    /// <summary>Raw inserts in one transaction with prepared statements: EF's change tracker would take hours here.</summary>
    private static async Task<SeedCounts> SeedAsync(string connectionString, int connectionCount, int days, DateTimeOffset now)
    {
        var random = new Random(20261201);
        await using var sqlite = new SqliteConnection(connectionString);
        await sqlite.OpenAsync();
        await Exec(sqlite, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        // Indexes on the big tables are built once at the end: faster than keeping them sorted row by row.
        await Exec(sqlite, "DROP INDEX IX_ConnectionChecks_ConnectionId_At; DROP INDEX IX_ConnectionChecks_TeamId_At;");
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();

        var team = Prepare(sqlite, transaction, "INSERT INTO Teams (Id, Name, PlanEndsOn, Culture, NotificationEmails) VALUES ($1, $2, $3, 'zh-TW', '')", 3);
        var connection = Prepare(sqlite, transaction, """
            INSERT INTO PageConnections (Id, TeamId, PageId, PageName, FacebookUserId, FacebookUserName, ProtectedPageToken, Status, Cause,
              StatusChangedAt, ConnectedAt, ConnectedByName, DisconnectedAt, DisconnectedByName, LastCheckedAt, LastError)
            VALUES ($1, $2, $3, $4, '780170000000001', 'Dana Chen', $5, $6, $7, $8, $9, 'Shop admin', $10, $11, $12, $13)
            """, 13);
        var check = Prepare(sqlite, transaction, """
            INSERT INTO ConnectionChecks (ConnectionId, TeamId, RunId, At, Outcome, Status, Cause, ErrorCode, ErrorSubcode, FbTraceId, Detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """, 11);
        var episode = Prepare(sqlite, transaction, """
            INSERT INTO FailureEpisodes (Id, ConnectionId, TeamId, StartedAt, EndedAt, Status, Cause, RunId, EmailId)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """, 9);
        var email = Prepare(sqlite, transaction, """
            INSERT INTO OutboxEmails (Id, TeamId, Kind, RunId, Payload, State, Attempts, CreatedAt, NextAttemptAt, SentAt, Recipients, Subject, LastError)
            VALUES ($1, $2, 'ConnectionFailure', $3, '{}', $4, 1, $5, $5, $6, $7, 'Facebook 專頁串接失效', $8)
            """, 8);
        var evt = Prepare(sqlite, transaction, """
            INSERT INTO ConnectionEvents (ConnectionId, TeamId, Kind, At, ActorName, Status, Cause, Detail)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """, 8);

        var teamCount = Math.Max(1, connectionCount / 10);
        var teamIds = new string[teamCount];
        var teamEnded = new bool[teamCount];
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        for (var t = 0; t < teamCount; t++)
        {
            teamIds[t] = NewId();
            var roll = random.NextDouble();
            teamEnded[t] = roll < 0.05;
            DateOnly? ends = teamEnded[t] ? today.AddDays(-random.Next(1, 200)) : roll < 0.35 ? today.AddDays(random.Next(1, 365)) : null;
            await Run(team, teamIds[t], $"商店 {t:D5} {ShopWord(t)}", ends?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        var start = now.AddDays(-days);
        long checks = 0, events = 0;
        int episodes = 0, emails = 0;
        var token = "CfDJ8" + new string('x', 300);
        for (var i = 0; i < connectionCount; i++)
        {
            var id = NewId();
            var t = i % teamCount;
            var teamId = teamIds[t];
            var roll = random.NextDouble();
            var disconnected = roll < 0.03;
            var failing = !disconnected && roll < 0.08;
            var status = disconnected ? ConnectionStatus.Disconnected : failing ? FailingStatuses[random.Next(FailingStatuses.Length)] : ConnectionStatus.Healthy;
            var cause = CauseOf(status);
            var connectedAt = start.AddHours(-random.Next(1, 24 * 30));
            var failingSince = failing ? now.AddHours(-random.Next(2, 24 * 30)) : (DateTimeOffset?)null;
            var disconnectedAt = disconnected ? now.AddDays(-random.Next(1, days)) : (DateTimeOffset?)null;
            var lastCheck = disconnected ? disconnectedAt!.Value : now.AddMinutes(-random.Next(1, 60));
            await Run(connection, id, teamId, (100_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture), $"門市 {i % 10_000:D4} {ShopWord(i)}",
                disconnected ? null : token, status.ToString(), cause.ToString(),
                (failingSince ?? disconnectedAt ?? connectedAt).UtcTicks, connectedAt.UtcTicks, disconnectedAt?.UtcTicks,
                disconnected ? "Shop admin" : null, lastCheck.UtcTicks, failing ? "190/460 fbtrace_id AbC123 Error validating access token" : null);
            await Run(evt, id, teamId, nameof(ConnectionEventKind.Connected), connectedAt.UtcTicks, "Shop admin", null, null, "Facebook user Dana Chen");
            events++;

            // One past episode for about a fifth of the connections: status changes, the episode, its e-mail.
            DateTimeOffset? pastStart = null, pastEnd = null;
            if (random.NextDouble() < 0.2)
            {
                pastStart = start.AddDays(random.Next(1, Math.Max(2, days - 40))).AddHours(random.Next(24));
                pastEnd = pastStart.Value.AddDays(random.Next(1, 4));
                var pastStatus = FailingStatuses[random.Next(FailingStatuses.Length)];
                var emailId = NewId();
                await Run(email, emailId, teamId, NewId(), teamEnded[t] ? "Suppressed" : "Sent", pastStart.Value.UtcTicks,
                    teamEnded[t] ? null : pastStart.Value.AddMinutes(1).UtcTicks, teamEnded[t] ? null : "owner@shop.test", null);
                await Run(episode, NewId(), id, teamId, pastStart.Value.UtcTicks, pastEnd.Value.UtcTicks, pastStatus.ToString(), CauseOf(pastStatus).ToString(), NewId(), emailId);
                await Run(evt, id, teamId, nameof(ConnectionEventKind.StatusChanged), pastStart.Value.UtcTicks, "system", pastStatus.ToString(), CauseOf(pastStatus).ToString(), null);
                await Run(evt, id, teamId, nameof(ConnectionEventKind.StatusChanged), pastEnd.Value.UtcTicks, "system", "Healthy", "None", null);
                episodes++;
                emails++;
                events += 2;
            }
            if (failing)
            {
                var emailId = NewId();
                var state = teamEnded[t] ? "Suppressed" : random.NextDouble() switch { < 0.9 => "Sent", < 0.95 => "Failed", _ => "Pending" };
                await Run(email, emailId, teamId, NewId(), state, failingSince!.Value.UtcTicks,
                    state == "Sent" ? failingSince.Value.AddMinutes(1).UtcTicks : null, state == "Sent" ? "owner@shop.test" : null,
                    state == "Failed" ? "550 mailbox unavailable" : null);
                await Run(episode, NewId(), id, teamId, failingSince.Value.UtcTicks, null, status.ToString(), cause.ToString(), NewId(), emailId);
                await Run(evt, id, teamId, nameof(ConnectionEventKind.StatusChanged), failingSince.Value.UtcTicks, "system", status.ToString(), cause.ToString(), "190/460");
                episodes++;
                emails++;
                events++;
            }
            if (disconnected)
            {
                await Run(evt, id, teamId, nameof(ConnectionEventKind.StatusChanged), disconnectedAt!.Value.UtcTicks, "system", "Disconnected", "None", "disconnected");
                await Run(evt, id, teamId, nameof(ConnectionEventKind.Disconnected), disconnectedAt.Value.UtcTicks, "Shop admin", null, null, null);
                events += 2;
            }

            var checkAt = start.AddMinutes(random.Next(60));
            var until = disconnectedAt ?? now;
            for (; checkAt < until; checkAt = checkAt.AddDays(1))
            {
                var failed = (failingSince is { } f && checkAt >= f) || (pastStart is { } ps && checkAt >= ps && checkAt < pastEnd);
                await Run(check, id, teamId, NewId(), checkAt.UtcTicks, failed ? "Failed" : "Passed", failed ? status.ToString() : "Healthy",
                    failed ? cause.ToString() : "None", failed ? 190 : null, failed ? 460 : null, failed ? "AbC123" : null, failed ? "190/460" : null);
                checks++;
            }
        }
        await transaction.CommitAsync();
        await Exec(sqlite, """
            CREATE INDEX IX_ConnectionChecks_ConnectionId_At ON ConnectionChecks (ConnectionId, At);
            CREATE INDEX IX_ConnectionChecks_TeamId_At ON ConnectionChecks (TeamId, At);
            ANALYZE;
            """);
        return new SeedCounts(teamCount, checks, episodes, emails, events);
    }

    private static FailureCause CauseOf(ConnectionStatus status) => status switch
    {
        ConnectionStatus.NeedsReauthorization => FailureCause.PasswordChangedOrSecurityReset,
        ConnectionStatus.MissingPermission => FailureCause.PermissionMissing,
        ConnectionStatus.NotPageAdmin => FailureCause.PageRoleLost,
        ConnectionStatus.WebhookNotSubscribed => FailureCause.WebhookNotSubscribed,
        ConnectionStatus.NotMessengerReceiver => FailureCause.NotMessengerReceiver,
        _ => FailureCause.None,
    };

    private static readonly string[] ShopWords = ["旗艦店", "台北店", "台中店", "高雄店", "Online", "Outlet", "Café", "Studio"];

    private static string ShopWord(int i) => ShopWords[i % ShopWords.Length];

    // EF Core stores Guids in SQLite as upper-case text.
    private static string NewId() => Guid.NewGuid().ToString().ToUpperInvariant();

    private static SqliteCommand Prepare(SqliteConnection sqlite, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = sqlite.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }
        command.Prepare();
        return command;
    }

    private static async Task Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        await command.ExecuteNonQueryAsync();
    }

    private static async Task Exec(SqliteConnection sqlite, string sql)
    {
        await using var command = sqlite.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static int IntOption(string[] args, string name, int fallback) =>
        int.TryParse(Option(args, name), CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
}
