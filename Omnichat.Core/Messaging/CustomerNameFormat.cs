using System.Text;

namespace Omnichat.Core.Messaging;

/// <summary>
/// How a customer's name reads: Chinese (and Japanese) names family name first with no space (陳怡君), as Taiwanese users
/// write them; any other name "First Last" as Messenger shows it.
/// </summary>
public static class CustomerNameFormat
{
    /// <summary>The full name, or null when neither part is known.</summary>
    public static string? Format(string? firstName, string? lastName)
    {
        var first = firstName?.Trim();
        var last = lastName?.Trim();
        if (string.IsNullOrEmpty(first))
        {
            return string.IsNullOrEmpty(last) ? null : last;
        }
        if (string.IsNullOrEmpty(last))
        {
            return first;
        }
        return IsCjk(first) && IsCjk(last) ? last + first : $"{first} {last}";
    }

    private static bool IsCjk(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsCjk(rune))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsCjk(Rune rune) => rune.Value switch
    {
        >= 0x3040 and <= 0x30FF => true,   // Hiragana, Katakana
        >= 0x3400 and <= 0x4DBF => true,   // CJK Extension A
        >= 0x4E00 and <= 0x9FFF => true,   // CJK Unified Ideographs
        >= 0xF900 and <= 0xFAFF => true,   // CJK Compatibility Ideographs
        >= 0x20000 and <= 0x3134F => true, // CJK Extensions B to G
        0x3007 or 0x30FB => true,          // 〇 and the katakana middle dot
        _ => false,
    };
}
