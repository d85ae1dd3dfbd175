using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Omnichat.Core.Deployment;

/// <summary>
/// Whether this console is a development or demo machine (the built-in Facebook sandbox and the demo accounts) or a
/// real deployment. Decided once, from the environment, <c>Sandbox:Enabled</c> and <c>Sandbox:Url</c>: the sandbox is
/// on only in Development or when set explicitly, so a forgotten setting in production never publishes known
/// credentials. With <c>Sandbox:Url</c> the sandbox runs as its own process (<c>-- sandbox</c>) and outlives the
/// console, as Meta does; this console then plays against it but serves no /sandbox routes itself.
/// </summary>
public sealed record DeploymentMode(bool IsDevelopment, bool SandboxEnabled, bool SandboxSetExplicitly, Uri? SandboxUrl = null)
{
    public const string SandboxEnabledKey = "Sandbox:Enabled";
    public const string SandboxUrlKey = "Sandbox:Url";

    /// <summary>Talks to Meta and sends real e-mail: every production rule of the start-up validation applies.</summary>
    public bool IsLive => !SandboxEnabled;

    /// <summary>The production rules (public URL, SMTP, a real app secret) apply outside Development with the sandbox off.</summary>
    public bool RequiresProductionSettings => IsLive && !IsDevelopment;

    /// <summary>A sandbox on a server: people must see they are not on Facebook, and the published password must not work.</summary>
    public bool SandboxOutsideDevelopment => SandboxEnabled && !IsDevelopment;

    /// <summary>This process serves the sandbox's routes (not another process at <see cref="SandboxUrl"/>).</summary>
    public bool HostsSandbox => SandboxEnabled && SandboxUrl is null;

    public static DeploymentMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        var isDevelopment = environment.IsDevelopment();
        var sandboxUrl = ParseSandboxUrl(configuration[SandboxUrlKey]);
        var setting = configuration[SandboxEnabledKey];
        if (string.IsNullOrWhiteSpace(setting))
        {
            var enabled = isDevelopment || sandboxUrl is not null;
            return new DeploymentMode(isDevelopment, enabled, SandboxSetExplicitly: sandboxUrl is not null, sandboxUrl);
        }
        if (!bool.TryParse(setting, out var explicitlyEnabled))
        {
            throw new InvalidOperationException($"{SandboxEnabledKey} must be true or false (is '{setting}').");
        }
        if (!explicitlyEnabled && sandboxUrl is not null)
        {
            throw new InvalidOperationException($"{SandboxUrlKey} points at a sandbox while {SandboxEnabledKey} is false: remove one of them.");
        }
        return new DeploymentMode(isDevelopment, explicitlyEnabled, SandboxSetExplicitly: true, sandboxUrl);
    }

    private static Uri? ParseSandboxUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (!Uri.TryCreate(value.TrimEnd('/'), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")
            || url.AbsolutePath != "/")
        {
            throw new InvalidOperationException(
                $"{SandboxUrlKey} must be the sandbox process's address, e.g. http://127.0.0.1:5100 (is '{value}').");
        }
        return url;
    }
}
