using Microsoft.Extensions.DependencyInjection;

namespace Omnichat.Core.Integrations;

internal static class IntegrationsRegistration
{
    public static IServiceCollection AddIntegrations(this IServiceCollection services)
    {
        services.AddSingleton<IntegrationStatusService>();
        services.AddSingleton<ParkedEventsService>();
        return services;
    }
}
