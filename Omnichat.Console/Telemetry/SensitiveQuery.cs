using System.Text.RegularExpressions;

namespace Omnichat.Console.Telemetry;

/// <summary>
/// Takes credentials out of URLs before a span records them. Graph takes tokens in the query string (as Meta
/// documents it), OAuth's callback carries a code, the handshake a verify token: all of them stay out of traces.
/// </summary>
internal static partial class SensitiveQuery
{
    public const string Redacted = "REDACTED";

    /// <summary>The parameter names whose values never leave the process.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["access_token", "appsecret_proof", "input_token", "client_secret", "fb_exchange_token", "code", "hub.verify_token", "signed_request"];

    /// <summary>The text with the value of every sensitive parameter replaced; the same string when there is none.</summary>
    public static string Strip(string text) =>
        text.Contains('=', StringComparison.Ordinal) ? Parameter().Replace(text, m => m.Groups["name"].Value + "=" + Redacted) : text;

    // A parameter starts the text or follows ? or & (or their percent-encodings, as a URL inside a URL has them).
    [GeneratedRegex(@"(?<=^|[?&]|%3F|%26)(?<name>access_token|appsecret_proof|input_token|client_secret|fb_exchange_token|code|hub\.verify_token|signed_request)=[^&#\s]*",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
