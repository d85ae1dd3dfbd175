using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Deployment;

public static class ValidatedOptions
{
    /// <summary>
    /// Binds section <paramref name="sectionName"/> to <typeparamref name="TOptions"/> once, validates it at start and
    /// lists it for <see cref="ConfigurationCheck"/>, so every problem of every section is reported in one message.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        services.AddSingleton(new ValidatedSection(sectionName, sp => sp.GetRequiredService<IOptions<TOptions>>().Value));
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }
}
