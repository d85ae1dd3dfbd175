using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Sandbox;

/// <summary>With the sandbox on and no Facebook URLs configured, the console talks to the sandbox on itself.</summary>
public sealed class SandboxFacebookOptionsSetup(SandboxUrls urls) : IPostConfigureOptions<FacebookOptions>
{
    public void PostConfigure(string? name, FacebookOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.GraphBaseUrl))
        {
            options.GraphBaseUrl = urls.GraphBaseUrl;
        }
        if (string.IsNullOrWhiteSpace(options.DialogBaseUrl))
        {
            options.DialogBaseUrl = urls.DialogBaseUrl;
        }
    }
}
