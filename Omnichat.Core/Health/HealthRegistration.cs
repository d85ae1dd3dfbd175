using Microsoft.Extensions.DependencyInjection;

namespace Omnichat.Core.Health;

internal static class HealthRegistration
{
    public static IServiceCollection AddIntegrationChecks(this IServiceCollection services)
    {
        services.AddOptions<HealthCheckOptions>().BindConfiguration(HealthCheckOptions.SectionName);
        services.AddSingleton<CheckResultRecorder>();
        services.AddTransient<IntegrationChecker>();
        services.AddTransient<CheckNowService>();
        return services;
    }
}
