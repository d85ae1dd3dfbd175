using Microsoft.Extensions.DependencyInjection;

namespace Omnichat.Core.Telemetry;

internal static class TelemetryRegistration
{
    /// <summary>The instruments; nothing listens to them until a host adds an exporter (the console's Telemetry section).</summary>
    public static IServiceCollection AddTelemetryInstruments(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<OmnichatMetrics>();
        services.AddSingleton<DatabaseGauges>();
        services.AddSingleton<WebhookTraceLinks>();
        services.AddHostedService<OmnichatGauges>();
        return services;
    }
}
