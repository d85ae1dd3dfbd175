using Microsoft.Extensions.Configuration;

namespace Omnichat.Console.Sandbox;

/// <summary>Where this console listens, from the first entry of configuration key <c>Urls</c>.</summary>
public sealed class SandboxUrls(IConfiguration configuration)
{
    public const string DefaultUrl = "http://127.0.0.1:5000";

    /// <summary>e.g. http://127.0.0.1:5000, without a trailing slash.</summary>
    public string ConsoleBaseUrl { get; } = FromConfiguration(configuration);

    public string GraphBaseUrl => $"{ConsoleBaseUrl}/sandbox/graph";
    public string DialogBaseUrl => $"{ConsoleBaseUrl}/sandbox/dialog";
    public string WebhookUrl => $"{ConsoleBaseUrl}/webhooks/facebook";
    public string DeauthorizeUrl => $"{ConsoleBaseUrl}/webhooks/facebook/deauthorize";

    public static string FromConfiguration(IConfiguration configuration)
    {
        var first = (configuration["Urls"] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault() ?? DefaultUrl;
        // Kestrel accepts wildcard hosts; a browser and HttpClient need a real one.
        foreach (var wildcard in new[] { "://*", "://+", "://0.0.0.0", "://[::]" })
        {
            first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        }
        return first.TrimEnd('/');
    }
}
