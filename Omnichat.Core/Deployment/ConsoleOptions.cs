namespace Omnichat.Core.Deployment;

/// <summary>Configuration section "Console": how people and Meta reach this console.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>
    /// The console's public base URL, e.g. <c>https://console.example.com</c>: the OAuth redirect_uri, the links in
    /// e-mails and the webhook callback URL are built from it, never from a request's Host header. Required outside
    /// Development with the sandbox off; elsewhere it defaults to the first of <c>Urls</c>.
    /// </summary>
    public string PublicUrl { get; set; } = "";

    /// <summary>
    /// Reverse proxies (IP addresses or CIDR ranges, e.g. <c>10.0.0.5</c>, <c>10.0.0.0/24</c>) whose
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Empty: forwarded headers are ignored.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>The public URL without a trailing slash.</summary>
    public Uri PublicBaseUri => new(PublicUrl.TrimEnd('/') + "/");

    /// <summary>An absolute URL on the console for a path such as <c>/facebook/oauth/callback</c>.</summary>
    public string Link(string path) => PublicUrl.TrimEnd('/') + "/" + path.TrimStart('/');
}
