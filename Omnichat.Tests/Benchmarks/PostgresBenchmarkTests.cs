using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Omnichat.Console.Benchmarks;
using Omnichat.Core.Data;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Benchmarks;

/// <summary>The benchmarks' PostgreSQL paths with small numbers: the same seeded shape as SQLite, and no database left behind.</summary>
public sealed class PostgresBenchmarkTests
{
    [Fact]
    public async Task SupportListSeed_OnBothProviders_WritesTheSameRows()
    {
        var now = new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);
        var sqliteFile = Path.Combine(Path.GetTempPath(), $"omnichat-seed-{Guid.NewGuid():N}.db");
        try
        {
            var sqlite = await SeedAsync(DatabaseProvider.Sqlite, $"Data Source={sqliteFile}", cs => new SqliteSupportSeedRows(cs), now);
            var postgres = await SeedAsync(DatabaseProvider.Postgres, PostgresServer.Shared.CreateDatabase(), cs => new PostgresSupportSeedRows(cs), now);

            postgres.ShouldBe(sqlite);
            sqlite.ShouldContain(s => s.StartsWith("checks ", StringComparison.Ordinal) && s != "checks 0");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(sqliteFile);
        }
    }

    [Fact]
    public async Task HealthOnPostgres_RunsTheCheck_AndDropsItsDatabase()
    {
        var server = PostgresServer.Shared.CreateDatabase();
        var options = new HealthBenchmarkOptions { Connections = 30, LatencyMs = 0, SkipUnbatched = true, Postgres = server };

        var report = await new HealthBenchmark(options, TextWriter.Null).RunAsync(CancellationToken.None);

        report.Database.ShouldStartWith("PostgreSQL database omnichat_bench_");
        report.Batched.Summary.Passed.ShouldBe(30);
        var name = report.Database.Split(' ')[2];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", name);
        ((long)(await exists.ExecuteScalarAsync())!).ShouldBe(0, "the benchmark drops the database it made");
    }

    /// <returns>Each table's row count and the connections per status, as text, so two providers compare whole.</returns>
    private static async Task<List<string>> SeedAsync(string provider, string connectionString, Func<string, ISupportSeedRows> rows, DateTimeOffset now)
    {
        var factory = OmnichatDatabase.CreateFactory(provider, connectionString);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
        }
        var counts = await Task.Run(() =>
        {
            using var writer = rows(connectionString);
            return SupportListSeed.Write(writer, 300, 20, now);
        });
        await using var read = await factory.CreateDbContextAsync();
        var statuses = await read.PageConnections.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return
        [
            $"teams {await read.Teams.CountAsync()} (said {counts.Teams})",
            $"connections {await read.PageConnections.CountAsync()} (said {counts.Connections})",
            $"checks {await read.ConnectionChecks.CountAsync()}",
            $"failed checks {await read.ConnectionChecks.CountAsync(c => c.Outcome == Core.Health.CheckOutcome.Failed)}",
            $"episodes {await read.FailureEpisodes.CountAsync()} (said {counts.Episodes})",
            $"open episodes {await read.FailureEpisodes.CountAsync(e => e.EndedAt == null)}",
            $"e-mails {await read.OutboxEmails.CountAsync()} (said {counts.Emails})",
            $"events {await read.ConnectionEvents.CountAsync()} (said {counts.Events})",
            .. statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} {s.Count}"),
        ];
    }
}
