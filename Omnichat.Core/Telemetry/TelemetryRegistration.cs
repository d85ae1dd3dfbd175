using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Omnichat.Core.Telemetry;

internal static class TelemetryRegistration
{
    /// <summary>
    /// The instruments; nothing listens to them until a host adds an exporter (the console's Telemetry section).
    /// Safe to call more than once, for set-ups that assemble Core's parts one by one.
    /// </summary>
    public static IServiceCollection AddTelemetryInstruments(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<OmnichatMetrics>();
        services.TryAddSingleton<DatabaseGauges>();
        services.TryAddSingleton<WebhookTraceLinks>();
        services.AddHostedService<OmnichatGauges>();
        return services;
    }
}
