using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Omnichat.Core.Backfill;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Deployment;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;
using Omnichat.Core.Integrations;
using Omnichat.Core.Messaging;
using Omnichat.Core.Notifications;
using Omnichat.Core.Operations;
using Omnichat.Core.Security;
using Omnichat.Core.Retention;
using Omnichat.Core.Teams;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core;

public static class CoreRegistration
{
    /// <summary>Long enough for a 50-call batch, short enough that a hung Facebook does not stall a health run.</summary>
    public static readonly TimeSpan GraphClientTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Wires everything Core offers: database, Data Protection, options, time, the Graph client, e-mail.</summary>
    public static IHostApplicationBuilder AddOmnichatCore(this IHostApplicationBuilder builder)
    {
        builder.AddOmnichatDeployment();
        builder.AddOmnichatDatabase();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddTelemetryInstruments();

        builder.AddOmnichatDataProtection();

        builder.Services.AddValidatedOptions<FacebookOptions>(FacebookOptions.SectionName);
        builder.Services.AddSingleton<IPostConfigureOptions<FacebookOptions>, FacebookOptionsSetup>();
        builder.Services.AddSingleton<IValidateOptions<FacebookOptions>, FacebookOptionsValidator>();
        builder.Services.AddSingleton<GraphUsageMonitor>();
        builder.Services.AddHttpClient<GraphClient>((services, http) =>
            {
                // Read when the client is created, not at registration: the host post-configures GraphBaseUrl
                // from its own URL when the sandbox is in use.
                var facebook = services.GetRequiredService<IOptions<FacebookOptions>>().Value;
                if (!string.IsNullOrEmpty(facebook.GraphBaseUrl))
                {
                    http.BaseAddress = facebook.GraphVersionRoot;
                }
                http.Timeout = GraphClientTimeout;
            })
            // The framework's HttpClient logging prints request URLs, and Graph URLs carry tokens in their query.
            .RemoveAllLoggers();
        builder.Services.AddChannels();
        builder.Services.AddIntegrationChecks();
        builder.AddIntegrationCheckSchedule();
        builder.Services.AddTeams();
        builder.Services.AddIntegrations();
        builder.Services.AddMessaging();
        builder.AddNotifications();
        builder.Services.AddSingleton<WebhookIntakeHealth>();
        builder.Services.AddTransient<ConsoleHealthCheck>();
        builder.AddRetention();
        builder.Services.AddBackfill();
        return builder;
    }
}
