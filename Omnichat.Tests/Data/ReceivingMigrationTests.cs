using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Omnichat.Core.Data;

namespace Omnichat.Tests.Data;

/// <summary>
/// An existing console upgraded past the migration that keeps what each page received: a live page shows its latest
/// customer message at once, taken from its conversations; a disconnected one and a page without any stay empty.
/// </summary>
public sealed class ReceivingMigrationTests : IDisposable
{
    private const string Before = "20261202160034_BackupAuthorizations";
    private const string Team = "11111111-1111-1111-1111-111111111111";
    private const string Taipei = "AAAAAAAA-0000-0000-0000-000000000001";
    private const string Taichung = "AAAAAAAA-0000-0000-0000-000000000002";
    private const string Kaohsiung = "AAAAAAAA-0000-0000-0000-000000000003";
    private readonly string folder = Directory.CreateTempSubdirectory("omnichat-migration-").FullName;

    [Fact]
    public async Task Upgrade_LivePagesTakeTheirLatestCustomerMessageFromTheirConversations()
    {
        await using var db = OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "omnichat.db")}");
        await db.GetService<IMigrator>().MigrateAsync(Before);
        // Fixed ids only: nothing here comes from outside the test.
        var rows = $$"""
            INSERT INTO "PageConnections" ("Id", "TeamId", "PageId", "PageName", "Status", "Cause", "StatusChangedAt", "ConnectedAt", "ConnectedByName") VALUES
                ('{{Taipei}}', '{{Team}}', '104500000000001', 'Taipei', 'Healthy', 'None', 0, 0, 'Admin'),
                ('{{Taichung}}', '{{Team}}', '104500000000002', 'Taichung', 'Disconnected', 'None', 0, 0, 'Admin'),
                ('{{Kaohsiung}}', '{{Team}}', '104500000000003', 'Kaohsiung', 'Healthy', 'None', 0, 0, 'Admin');
            INSERT INTO "Conversations" ("Id", "TeamId", "ConnectionId", "PageId", "Psid", "LastCustomerMessageAt", "LastMessageAt", "LastMessagePreview", "UnreadCount", "CreatedAt") VALUES
                ('{{Guid.NewGuid()}}', '{{Team}}', '{{Taipei}}', '104500000000001', 'a', 5000, 9000, 'x', 0, 0),
                ('{{Guid.NewGuid()}}', '{{Team}}', '{{Taipei}}', '104500000000001', 'b', 7000, 7000, 'x', 0, 0),
                ('{{Guid.NewGuid()}}', '{{Team}}', '{{Taipei}}', '104500000000001', 'c', NULL, 8000, 'x', 0, 0),
                ('{{Guid.NewGuid()}}', '{{Team}}', '{{Taichung}}', '104500000000002', 'a', 6000, 6000, 'x', 0, 0);
            """;
        await db.Database.ExecuteSqlRawAsync(rows);

        await db.Database.MigrateAsync();

        var last = await db.PageConnections.AsNoTracking().ToDictionaryAsync(c => c.PageName, c => c.LastCustomerMessageAt?.UtcTicks);
        last.ShouldBe(new Dictionary<string, long?> { ["Taipei"] = 7000, ["Taichung"] = null, ["Kaohsiung"] = null });
        (await db.PageConnections.AsNoTracking().AllAsync(c => c.LastEventAt == null)).ShouldBeTrue("no event is known until one arrives");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
