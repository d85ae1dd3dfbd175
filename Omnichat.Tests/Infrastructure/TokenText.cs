using System.Text.RegularExpressions;

namespace Omnichat.Tests.Infrastructure;

/// <summary>What a Facebook token looks like in text: "EAA" and a long run of letters and digits, case-sensitive.</summary>
public static partial class TokenText
{
    public static bool ContainsToken(string text) => Pattern().IsMatch(text);

    /// <summary>The first token-shaped text with some context, for a failure message; null when there is none.</summary>
    public static string? FindToken(string text)
    {
        var match = Pattern().Match(text);
        return match.Success ? text.Substring(Math.Max(0, match.Index - 60), Math.Min(text.Length - Math.Max(0, match.Index - 60), match.Length + 120)) : null;
    }

    /// <summary>The text with every token-shaped part replaced, safe to print in a failure message.</summary>
    public static string Mask(string text) => Pattern().Replace(text, "EAA<token>");

    [GeneratedRegex("EAA[A-Za-z0-9]{40,}")]
    private static partial Regex Pattern();
}
