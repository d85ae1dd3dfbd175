using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Omnichat.Core.Data;

public static class DatabaseMigrator
{
    /// <summary>Brings the database to the latest migration; called once at start-up before the host serves requests.</summary>
    public static async Task MigrateOmnichatDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var factory = services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // On a brand-new PostgreSQL database, EF reads the migrations history before creating its table and logs the
        // failed command as an error (npgsql/efcore.pg#3407), which reads like a broken first start. Created first
        // (IF NOT EXISTS), the table is simply empty.
        await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migrations", pending.Count);
        }
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging (kept in the file): readers never block the webhook intake's short commits, and a
            // committed transaction survives the process being killed.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }
}
