using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Omnichat.Core.Deployment;

/// <summary>
/// Whether this console is a development or demo machine (the built-in Facebook sandbox and the demo accounts) or a
/// real deployment. Decided once, from the environment and <c>Sandbox:Enabled</c>: the sandbox is on only in
/// Development or when set explicitly, so a forgotten setting in production never publishes known credentials.
/// </summary>
public sealed record DeploymentMode(bool IsDevelopment, bool SandboxEnabled, bool SandboxSetExplicitly)
{
    public const string SandboxEnabledKey = "Sandbox:Enabled";

    /// <summary>Talks to Meta and sends real e-mail: every production rule of the start-up validation applies.</summary>
    public bool IsLive => !SandboxEnabled;

    /// <summary>The production rules (public URL, SMTP, a real app secret) apply outside Development with the sandbox off.</summary>
    public bool RequiresProductionSettings => IsLive && !IsDevelopment;

    /// <summary>A sandbox on a server: people must see they are not on Facebook, and the published password must not work.</summary>
    public bool SandboxOutsideDevelopment => SandboxEnabled && !IsDevelopment;

    public static DeploymentMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        var isDevelopment = environment.IsDevelopment();
        var setting = configuration[SandboxEnabledKey];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return new DeploymentMode(isDevelopment, SandboxEnabled: isDevelopment, SandboxSetExplicitly: false);
        }
        if (!bool.TryParse(setting, out var enabled))
        {
            throw new InvalidOperationException($"{SandboxEnabledKey} must be true or false (is '{setting}').");
        }
        return new DeploymentMode(isDevelopment, enabled, SandboxSetExplicitly: true);
    }
}
