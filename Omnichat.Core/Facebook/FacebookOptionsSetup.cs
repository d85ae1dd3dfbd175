using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Facebook;

/// <summary>With the sandbox off, empty Graph and dialog URLs mean Meta's own (the sandbox fills them when it is on).</summary>
internal sealed class FacebookOptionsSetup(DeploymentMode mode) : IPostConfigureOptions<FacebookOptions>
{
    public const string MetaGraphBaseUrl = "https://graph.facebook.com";
    public const string MetaDialogBaseUrl = "https://www.facebook.com";

    public void PostConfigure(string? name, FacebookOptions options)
    {
        if (!mode.IsLive)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(options.GraphBaseUrl))
        {
            options.GraphBaseUrl = MetaGraphBaseUrl;
        }
        if (string.IsNullOrWhiteSpace(options.DialogBaseUrl))
        {
            options.DialogBaseUrl = MetaDialogBaseUrl;
        }
    }
}
