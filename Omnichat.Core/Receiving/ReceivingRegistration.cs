using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Receiving;

internal static class ReceivingRegistration
{
    /// <summary>The rule that tells a quiet page from one that may not be receiving, with its validated thresholds.</summary>
    public static IServiceCollection AddReceiving(this IServiceCollection services)
    {
        services.AddValidatedOptions<ReceivingOptions>(ReceivingOptions.SectionName);
        services.AddSingleton<IValidateOptions<ReceivingOptions>, ReceivingOptionsValidator>();
        services.AddSingleton<ReceivingRule>();
        return services;
    }
}
