using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Omnichat.Core.Deployment;

/// <summary>
/// On a development or demo machine an empty <see cref="ConsoleOptions.PublicUrl"/> becomes the first of <c>Urls</c>,
/// so a fresh <c>dotnet run</c> links to itself. A real deployment must say where it is reached (the validator asks).
/// </summary>
internal sealed class ConsoleOptionsSetup(IConfiguration configuration, DeploymentMode mode) : IPostConfigureOptions<ConsoleOptions>
{
    public void PostConfigure(string? name, ConsoleOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicUrl) && !mode.RequiresProductionSettings)
        {
            options.PublicUrl = ListenUrls.First(configuration[ListenUrls.Key]);
        }
        options.PublicUrl = options.PublicUrl.Trim().TrimEnd('/');
    }
}
