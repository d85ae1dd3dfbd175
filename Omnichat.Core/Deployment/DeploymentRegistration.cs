using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Deployment;

public static class DeploymentRegistration
{
    /// <summary>The deployment mode, the public URL and the check that refuses an unsafe configuration.</summary>
    public static IHostApplicationBuilder AddOmnichatDeployment(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(DeploymentMode.From(builder.Configuration, builder.Environment));
        services.AddValidatedOptions<ConsoleOptions>(ConsoleOptions.SectionName);
        services.AddSingleton<IPostConfigureOptions<ConsoleOptions>, ConsoleOptionsSetup>();
        services.AddSingleton<IValidateOptions<ConsoleOptions>, ConsoleOptionsValidator>();
        services.AddSingleton<ConfigurationCheck>();
        return builder;
    }
}
