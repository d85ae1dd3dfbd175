using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Health;

internal static class HealthRegistration
{
    public static IServiceCollection AddIntegrationChecks(this IServiceCollection services)
    {
        services.AddValidatedOptions<HealthCheckOptions>(HealthCheckOptions.SectionName);
        services.AddSingleton<IValidateOptions<HealthCheckOptions>, HealthCheckOptionsValidator>();
        services.AddSingleton<CheckResultRecorder>();
        services.AddTransient<IntegrationChecker>();
        services.AddTransient<CheckNowService>();
        return services;
    }
}
