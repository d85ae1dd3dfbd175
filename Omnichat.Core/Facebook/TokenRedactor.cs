using System.Text.RegularExpressions;

namespace Omnichat.Core.Facebook;

/// <summary>
/// Defence in depth: Graph messages should never echo a token, but anything we log or show passes through here
/// so that a Meta (or sandbox) message that does cannot leak one.
/// </summary>
internal static partial class TokenRedactor
{
    // Meta user, page and system-user tokens all start with "EAA"; app tokens are "{app-id}|{secret}".
    [GeneratedRegex(@"EAA[A-Za-z0-9_\-]{4,}|\b\d{5,}\|[A-Za-z0-9_\-]{8,}")]
    private static partial Regex TokenPattern();

    public static string Redact(string text) => TokenPattern().Replace(text, "[redacted token]");
}
