using System.Globalization;

namespace Omnichat.Core.Facebook;

/// <summary>Graph's timestamps, ISO 8601 with an offset written without a colon: <c>2026-12-02T10:05:00+0000</c>.</summary>
public static class GraphTime
{
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = text.Trim();
        // "+0000" → "+00:00", which the round-trip parser reads.
        if (value.Length > 5 && value[^5] is '+' or '-' && value[^4..].All(char.IsAsciiDigit))
        {
            value = value[..^2] + ":" + value[^2..];
        }
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.ToUniversalTime() : null;
    }
}
