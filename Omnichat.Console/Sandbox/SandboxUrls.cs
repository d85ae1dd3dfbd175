using Omnichat.Core.Deployment;

namespace Omnichat.Console.Sandbox;

/// <summary>Where the sandbox reaches this console over loopback: the first entry of configuration key <c>Urls</c>.</summary>
public sealed class SandboxUrls(IConfiguration configuration)
{
    /// <summary>Every sandbox route starts with it; nothing else of the console does.</summary>
    public const string PathPrefix = "/sandbox";

    /// <summary>e.g. http://127.0.0.1:5000, without a trailing slash.</summary>
    public string ConsoleBaseUrl { get; } = ListenUrls.First(configuration[ListenUrls.Key]);

    public string GraphBaseUrl => $"{ConsoleBaseUrl}{PathPrefix}/graph";
    public string DialogBaseUrl => $"{ConsoleBaseUrl}{PathPrefix}/dialog";
    public string WebhookUrl => $"{ConsoleBaseUrl}/webhooks/facebook";
    public string DeauthorizeUrl => $"{ConsoleBaseUrl}/webhooks/facebook/deauthorize";
}
