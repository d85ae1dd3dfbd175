using Microsoft.Extensions.Options;
using Omnichat.Core.Deployment;

namespace Omnichat.Console.Sandbox;

/// <summary>
/// Where the sandbox and the console reach each other. Inside the console both are its first listen address
/// (configuration key <c>Urls</c>); a console playing against a sandbox process finds it at <c>Sandbox:Url</c>, and the
/// sandbox process finds the console at <c>Sandbox:ConsoleUrl</c>.
/// </summary>
public sealed class SandboxUrls(IConfiguration configuration, DeploymentMode mode, IOptions<SandboxOptions> options)
{
    /// <summary>Every sandbox route starts with it; nothing else of the console does.</summary>
    public const string PathPrefix = "/sandbox";

    /// <summary>The console, e.g. http://127.0.0.1:5000, without a trailing slash.</summary>
    public string ConsoleBaseUrl { get; } = string.IsNullOrWhiteSpace(options.Value.ConsoleUrl)
        ? ListenUrls.First(configuration[ListenUrls.Key])
        : options.Value.ConsoleUrl.TrimEnd('/');

    /// <summary>The process serving the sandbox's routes, without a trailing slash.</summary>
    public string SandboxBaseUrl { get; } = mode.SandboxUrl?.GetLeftPart(UriPartial.Authority) ?? ListenUrls.First(configuration[ListenUrls.Key]);

    public string GraphBaseUrl => $"{SandboxBaseUrl}{PathPrefix}/graph";
    public string DialogBaseUrl => $"{SandboxBaseUrl}{PathPrefix}/dialog";
    public string WebhookUrl => $"{ConsoleBaseUrl}/webhooks/facebook";
    public string DeauthorizeUrl => $"{ConsoleBaseUrl}/webhooks/facebook/deauthorize";
}
