using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Data;

/// <summary>
/// The webhook intake writes a group of bodies at once and answers each request with the id it got: an id that
/// belongs to another body, or a body that went missing from its group, would acknowledge an event that is not there.
/// </summary>
public sealed class IntakeGroupInsertTests : IAsyncLifetime
{
    private readonly string sqliteFile = Path.Combine(Path.GetTempPath(), $"omnichat-intake-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(sqliteFile);
        File.Delete(sqliteFile + "-wal");
        File.Delete(sqliteFile + "-shm");
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Insert_Groups_EachIdHoldsItsOwnBodyAndTime_NoneLost(string provider)
    {
        var factory = await MigratedAsync(provider);
        var groups = new[] { Group("a", 1), Group("b", 57), Group("c", 256) };

        var returned = new List<long[]>();
        using (var writer = IntakeWriter.Open(factory))
        {
            foreach (var group in groups)
            {
                returned.Add(writer.Insert(group));
            }
        }

        await ShouldHoldAsync(factory, groups, returned);
    }

    [Fact]
    public async Task Insert_TwoWritersAtOnceOnPostgres_IdsInterleave_EachStillHoldsItsBody()
    {
        // Two instances draw from one sequence at the same time: a mapping that assumed consecutive ids breaks here.
        var factory = await MigratedAsync(DatabaseProvider.Postgres);
        var writers = new[] { "x", "y" }.Select(name => Task.Run(() =>
        {
            var groups = Enumerable.Range(0, 40).Select(g => Group($"{name}{g}", 1 + (g * 37 % 120))).ToArray();
            using var writer = IntakeWriter.Open(factory);
            return (groups, ids: groups.Select(writer.Insert).ToList());
        })).ToArray();
        var done = await Task.WhenAll(writers);

        await ShouldHoldAsync(factory, [.. done.SelectMany(d => d.groups)], [.. done.SelectMany(d => d.ids)]);
    }

    [Fact]
    public async Task Open_OnADatabaseWithSynchronousCommitOff_TheIntakeCommitsSynchronouslyAnyway()
    {
        var connectionString = PostgresServer.Shared.CreateDatabase();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync();
            await using var off = new NpgsqlCommand($"ALTER DATABASE {database} SET synchronous_commit = off", admin);
            await off.ExecuteNonQueryAsync();
            // A session takes the database's settings when it starts: no pooled one from before the change.
            NpgsqlConnection.ClearPool(admin);
        }
        await using var db = OmnichatDatabase.CreateContext(DatabaseProvider.Postgres, connectionString);
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();
        (await SettingAsync(db)).ShouldBe("off", "the database's setting reaches its sessions");

        using (ReceivedDeliveryInsert.On(db))
        {
            (await SettingAsync(db)).ShouldBe("on", "a 200 is only sent for a commit that waited for the disk");
        }
    }

    private async Task<IDbContextFactory<OmnichatDbContext>> MigratedAsync(string provider)
    {
        var connectionString = provider == DatabaseProvider.Postgres ? PostgresServer.Shared.CreateDatabase() : $"Data Source={sqliteFile}";
        var factory = OmnichatDatabase.CreateFactory(provider, connectionString);
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return factory;
    }

    private static WebhookIntake.Pending[] Group(string name, int size) =>
        [.. Enumerable.Range(0, size).Select(i => new WebhookIntake.Pending(
            Encoding.UTF8.GetBytes($$"""{"object":"page","group":"{{name}}","n":{{i}}}"""),
            new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero).AddSeconds(size).AddTicks(i * 10 + 1), default))];

    private static async Task ShouldHoldAsync(IDbContextFactory<OmnichatDbContext> factory, IReadOnlyList<WebhookIntake.Pending[]> groups, IReadOnlyList<long[]> returned)
    {
        await using var db = await factory.CreateDbContextAsync();
        var rows = await db.WebhookDeliveries.AsNoTracking().ToDictionaryAsync(d => d.Id);
        rows.Count.ShouldBe(groups.Sum(g => g.Length), "every body of every group is a row");
        for (var g = 0; g < groups.Count; g++)
        {
            returned[g].Length.ShouldBe(groups[g].Length);
            for (var i = 0; i < groups[g].Length; i++)
            {
                var row = rows[returned[g][i]];
                Encoding.UTF8.GetString(row.Body).ShouldBe(Encoding.UTF8.GetString(groups[g][i].Body), $"group {g}, body {i}");
                row.ReceivedAt.ShouldBe(groups[g][i].ReceivedAt);
                row.State.ShouldBe(WebhookDeliveryState.Received);
            }
        }
    }

    private static async Task<string> SettingAsync(OmnichatDbContext db) =>
        await db.Database.SqlQueryRaw<string>("SELECT setting AS \"Value\" FROM pg_settings WHERE name = 'synchronous_commit'").SingleAsync();
}
