using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Data;

/// <summary>The one place that knows which database provider is in use.</summary>
public static class DatabaseRegistration
{
    public static IHostApplicationBuilder AddOmnichatDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        builder.Services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        // The provider decides which services exist, so it is read while registering; the validator reports a bad one.
        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? DatabaseOptions.DefaultConnectionString;

        var synchronous = options.SqliteSynchronous.ToUpperInvariant() is "NORMAL" ? "NORMAL" : "FULL";
        builder.Services.AddDbContextFactory<OmnichatDbContext>(db =>
        {
            Configure(db, options.Provider, connectionString);
            // Always, FULL included: a pooled connection that someone switched to NORMAL gets the configured level back.
            if (options.Provider == DatabaseProvider.Sqlite)
            {
                db.AddInterceptors(new SqlitePragmas(synchronous));
            }
        });
        return builder;
    }

    internal static void Configure(DbContextOptionsBuilder db, string provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(connectionString);
                db.UseSqlite(connectionString);
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider '{provider}' is not supported by this build; use '{DatabaseProvider.Sqlite}'.");
        }
    }

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
