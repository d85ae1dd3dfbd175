using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Omnichat.Core.Data;

namespace Omnichat.Tests.Data;

/// <summary>An existing console upgraded past the migration that rebuilds the webhook table keeps what it had stored.</summary>
public sealed class LeanWebhookIntakeMigrationTests : IDisposable
{
    private const string Before = "20261130031026_SupportListIndexes";
    private readonly string folder = Directory.CreateTempSubdirectory("omnichat-migration-").FullName;

    [Fact]
    public async Task StoredDeliveriesAndTheirParkedEvents_SurviveTheUpgrade_AndNewOnesFollowThem()
    {
        await using var db = Context();
        await db.GetService<IMigrator>().MigrateAsync(Before);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "WebhookDeliveries" ("Id", "Body", "ReceivedAt", "State", "Attempts") VALUES
                (41, X'7B7D', 1, 'Processed', 1), (42, X'7B2278223A317D', 2, 'Received', 0);
            INSERT INTO "ParkedEvents" ("DeliveryId", "PageId", "Reason", "Field", "EventJson", "EventAt", "ParkedAt")
                VALUES (41, '104500000000001', 'UnknownPage', 'messaging', '{{}}', 1, 1);
            """);

        await db.Database.MigrateAsync();

        var deliveries = await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
        deliveries.Select(d => d.Id).ShouldBe([41L, 42L]);
        deliveries[1].Body.ShouldBe("{\"x\":1}"u8.ToArray());
        (await db.ParkedEvents.SingleAsync()).DeliveryId.ShouldBe(41);
        await db.Database.ExecuteSqlRawAsync("""INSERT INTO "WebhookDeliveries" ("Body", "ReceivedAt", "State", "Attempts") VALUES (X'7B7D', 3, 'Received', 0)""");
        (await db.WebhookDeliveries.MaxAsync(d => d.Id)).ShouldBe(43);
        (await db.WebhookDeliveries.Where(d => d.State == Core.Messaging.WebhookDeliveryState.Received).Select(d => d.Id).ToListAsync())
            .ShouldBe([42L, 43L]);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private OmnichatDbContext Context() =>
        OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "omnichat.db")}");
}
