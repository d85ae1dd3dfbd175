using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Components.Shared;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;
using Omnichat.Core.Integrations;
using Omnichat.Core.Teams;
using Omnichat.Core.Telemetry;

namespace Omnichat.Tests.Components;

/// <summary>
/// The real channel services for component tests, on a SQLite file of the test's own. No Graph peer is reachable:
/// component tests cover what is shown and asked, the integration tests cover the calls.
/// </summary>
internal static class ChannelServices
{
    public static string AddForComponents(IServiceCollection services)
    {
        var path = Path.Combine(Path.GetTempPath(), $"omnichat-bunit-{Guid.NewGuid():N}.db");
        services.AddOmnichatDatabase(DatabaseProvider.Sqlite, $"Data Source={path}");
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<FacebookOptions>().Configure(o =>
        {
            o.AppId = "1";
            o.GraphBaseUrl = "http://127.0.0.1:9";
            o.DialogBaseUrl = "http://127.0.0.1:9";
        });
        services.AddHttpClient<GraphClient>();
        services.AddChannels();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddIntegrationChecks();
        services.AddTelemetryInstruments();
        services.AddSingleton<GraphUsageMonitor>();
        services.AddSingleton<Omnichat.Core.Notifications.OutboxSignal>();
        services.AddTeams();
        services.AddIntegrations();
        Omnichat.Core.Backfill.BackfillRegistration.AddBackfill(services);
        services.AddScoped<ActionFeedback>();
        return path;
    }

    public static async Task MigrateAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }
}
