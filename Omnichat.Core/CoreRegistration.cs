using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;

namespace Omnichat.Core;

public static class CoreRegistration
{
    /// <summary>Wires everything Core offers: database, Data Protection, options, time.</summary>
    public static IHostApplicationBuilder AddOmnichatCore(this IHostApplicationBuilder builder)
    {
        builder.AddOmnichatDatabase();
        builder.Services.AddSingleton(TimeProvider.System);

        // Keys live in the database, so a restart (or a second instance) can still read stored tokens.
        builder.Services.AddDataProtection()
            .SetApplicationName("Omnichat.Console")
            .PersistKeysToDbContext<OmnichatDbContext>();

        builder.Services.AddOptions<FacebookOptions>().BindConfiguration(FacebookOptions.SectionName);
        return builder;
    }
}
