using Microsoft.Extensions.Options;
using Omnichat.Console.Endpoints;
using Omnichat.Core.Deployment;
using Omnichat.Core.Security;

namespace Omnichat.Console.Hosting;

/// <summary>What the operator must know at every start: the mode, the URLs Meta needs, and unprotected keys.</summary>
internal static class StartupNotices
{
    public static void Log(WebApplication app)
    {
        var mode = app.Services.GetRequiredService<DeploymentMode>();
        var console = app.Services.GetRequiredService<IOptions<ConsoleOptions>>().Value;
        if (mode.SandboxOutsideDevelopment)
        {
            app.Logger.LogWarning("The built-in Facebook sandbox is on outside Development ({SettingKey}=true): the console is not " +
                "connected to Facebook, and every page says so", DeploymentMode.SandboxEnabledKey);
        }
        // The verify token itself is a secret: support staff read it on the Meta app settings page.
        app.Logger.LogInformation("Facebook webhook callback URL {CallbackUrl}; the verify token is on {SettingsPage} (support staff)",
            console.Link(FacebookWebhookEndpoints.Path), console.Link(Components.Pages.Support.MetaAppSettingsPage.Path));
        if (app.Services.GetRequiredService<KeyEncryptionStatus>().NeedsAttention)
        {
            app.Logger.LogWarning("The Data Protection keys that encrypt Facebook tokens are stored unencrypted: a copy of the database " +
                "is enough to read every token. Set {CertificateKey} to a .pfx certificate (README, Security)",
                $"{KeyEncryptionOptions.SectionName}:{nameof(KeyEncryptionOptions.CertificatePath)}");
        }
    }
}
