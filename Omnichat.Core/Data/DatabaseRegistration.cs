using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;
using Omnichat.Core.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Omnichat.Core.Data;

/// <summary>The one place that knows which database provider is in use.</summary>
public static class DatabaseRegistration
{
    public static IHostApplicationBuilder AddOmnichatDatabase(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.SectionName);
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        // The provider decides which services exist, so it is read while registering; the validator reports a bad one.
        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName)
            ?? DatabaseOptions.DefaultConnectionString;
        var synchronous = options.SqliteSynchronous.ToUpperInvariant() is "NORMAL" ? "NORMAL" : DatabaseOptions.DefaultSqliteSynchronous;
        services.AddOmnichatDatabase(options.Provider, connectionString, synchronous);
        return builder;
    }

    /// <summary>
    /// The provider's context factory, handed out as <see cref="OmnichatDbContext"/>'s, and the context per scope: what
    /// the console registers, and what tests that run Core services without the console register too.
    /// </summary>
    public static IServiceCollection AddOmnichatDatabase(this IServiceCollection services, string provider, string connectionString,
        string sqliteSynchronous = DatabaseOptions.DefaultSqliteSynchronous)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            services.AddDbContextFactory<PostgresOmnichatDbContext>(db =>
                OmnichatDatabase.Configure(db, DatabaseProvider.Postgres, connectionString, sqliteSynchronous));
            services.AddSingleton<IDbContextFactory<OmnichatDbContext>, ProviderContextFactory<PostgresOmnichatDbContext>>();
            // Open pages on every instance hear of a change made on any of them.
            services.TryAddSingleton<ChangeRouter>();
            services.AddSingleton(sp => ActivatorUtilities.CreateInstance<PostgresChangeBus>(sp, connectionString));
            services.AddSingleton<IChangeBus>(sp => sp.GetRequiredService<PostgresChangeBus>());
            services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeBus>());
        }
        else
        {
            services.AddDbContextFactory<SqliteOmnichatDbContext>(db =>
                OmnichatDatabase.Configure(db, DatabaseProvider.Sqlite, connectionString, sqliteSynchronous));
            services.AddSingleton<IDbContextFactory<OmnichatDbContext>, ProviderContextFactory<SqliteOmnichatDbContext>>();
        }
        // Identity's stores and the Data Protection key ring ask for the context itself, per request scope.
        services.AddScoped<OmnichatDbContext>(sp => sp.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContext());
        return services;
    }
}
