using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Sandbox;

/// <summary>With the sandbox on, whatever the Facebook section leaves empty points at the sandbox on this console.</summary>
public sealed class SandboxFacebookOptionsSetup(SandboxUrls urls) : IPostConfigureOptions<FacebookOptions>
{
    public void PostConfigure(string? name, FacebookOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.AppId))
        {
            options.AppId = SandboxCredentials.AppId;
        }
        if (string.IsNullOrWhiteSpace(options.AppSecret))
        {
            options.AppSecret = SandboxCredentials.AppSecret;
        }
        if (string.IsNullOrWhiteSpace(options.GraphBaseUrl))
        {
            options.GraphBaseUrl = urls.GraphBaseUrl;
        }
        if (string.IsNullOrWhiteSpace(options.DialogBaseUrl))
        {
            options.DialogBaseUrl = urls.DialogBaseUrl;
        }
        // Not configured at all: the sandbox's configuration of system-user tokens, so the demo shows the feature;
        // an explicit empty value keeps it off.
        options.SystemUserConfigId ??= World.DemoWorld.SystemUserConfigId;
    }
}
