using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Omnichat.Core.Data;

/// <summary>
/// How a context is configured on each provider, in one place: the console's registration, the design-time factories,
/// the benchmarks and the tests that open a database the console uses all come through here.
/// </summary>
public static class OmnichatDatabase
{
    /// <summary>A context on that database, configured as the console's own (SQLite with its pragmas).</summary>
    public static OmnichatDbContext CreateContext(string provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteOmnichatDbContext(Options<SqliteOmnichatDbContext>(provider, connectionString)),
        DatabaseProvider.Postgres => new PostgresOmnichatDbContext(Options<PostgresOmnichatDbContext>(provider, connectionString)),
        _ => throw Unsupported(provider),
    };

    /// <summary>A pooled factory of such contexts, for tools that run the console's services without its host.</summary>
    public static IDbContextFactory<OmnichatDbContext> CreateFactory(string provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => new ProviderContextFactory<SqliteOmnichatDbContext>(
            new PooledDbContextFactory<SqliteOmnichatDbContext>(Options<SqliteOmnichatDbContext>(provider, connectionString))),
        DatabaseProvider.Postgres => new ProviderContextFactory<PostgresOmnichatDbContext>(
            new PooledDbContextFactory<PostgresOmnichatDbContext>(Options<PostgresOmnichatDbContext>(provider, connectionString))),
        _ => throw Unsupported(provider),
    };

    /// <summary>The provider's context type: its migrations are the ones applied.</summary>
    public static Type ContextType(string provider) => provider switch
    {
        DatabaseProvider.Sqlite => typeof(SqliteOmnichatDbContext),
        DatabaseProvider.Postgres => typeof(PostgresOmnichatDbContext),
        _ => throw Unsupported(provider),
    };

    private static DbContextOptions<TContext> Options<TContext>(string provider, string connectionString) where TContext : OmnichatDbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        Configure(builder, provider, connectionString, DatabaseOptions.DefaultSqliteSynchronous);
        return builder.Options;
    }

    internal static void Configure(DbContextOptionsBuilder db, string provider, string connectionString, string sqliteSynchronous)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                db.UseSqlite(connectionString);
                // Rebuilding a SQLite table needs foreign keys off, which SQLite does not allow inside a transaction: EF
                // warns at every fresh start, and a newcomer reads it as a failure. That migration is written for it.
                db.ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
                // Always, FULL included: a pooled connection that someone switched to NORMAL gets the configured level back.
                db.AddInterceptors(new SqlitePragmas(sqliteSynchronous));
                break;
            case DatabaseProvider.Postgres:
                db.UseNpgsql(connectionString);
                break;
            default:
                throw Unsupported(provider);
        }
    }

    private static InvalidOperationException Unsupported(string provider) =>
        new($"Database:Provider '{provider}' is not supported; use '{DatabaseProvider.Sqlite}' or '{DatabaseProvider.Postgres}'.");

    // A fresh clone has no data/ folder; SQLite will not create the directory itself.
    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
