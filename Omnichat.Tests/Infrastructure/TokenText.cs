using System.Text.RegularExpressions;

namespace Omnichat.Tests.Infrastructure;

/// <summary>What a Facebook token looks like in text: "EAA" and a long run of base64 characters, case-sensitive.</summary>
public static partial class TokenText
{
    public static bool ContainsToken(string text) => Pattern().IsMatch(text);

    [GeneratedRegex("EAA[A-Za-z0-9_-]{40,}")]
    private static partial Regex Pattern();
}
