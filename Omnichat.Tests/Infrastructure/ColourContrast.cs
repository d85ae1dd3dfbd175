using System.Globalization;
using System.Text.RegularExpressions;

namespace Omnichat.Tests.Infrastructure;

/// <summary>WCAG 2 contrast ratio of two colours, given as CSS writes them ("#C62828", "rgb(198, 40, 40)", "rgba(...)").</summary>
public static partial class ColourContrast
{
    /// <summary>AA for normal text.</summary>
    public const double TextMinimum = 4.5;

    /// <summary>AA for the parts of a control that identify it, and for focus indicators.</summary>
    public const double NonTextMinimum = 3.0;

    public static double Ratio(string first, string second)
    {
        var (a, b) = (Luminance(Parse(first)), Luminance(Parse(second)));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    // Red, green and blue 0-255 of an opaque colour: a transparent one has no contrast until painted over its background.
    private static (double R, double G, double B) Parse(string color)
    {
        color = color.Trim();
        double[] parts = color.StartsWith('#')
            ? [.. Enumerable.Range(0, (color.Length - 1) / 2).Select(i => (double)Convert.ToInt32(color.Substring(1 + 2 * i, 2), 16))]
            : [.. Numbers().Matches(color).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];
        if (parts.Length < 3)
        {
            throw new FormatException($"Not a colour: {color}");
        }
        var alpha = parts.Length < 4 ? 1 : color.StartsWith('#') ? parts[3] / 255 : parts[3];
        if (alpha < 1)
        {
            throw new ArgumentException($"{color} is transparent: paint it over its background first.", nameof(color));
        }
        return (parts[0], parts[1], parts[2]);
    }

    private static double Luminance((double R, double G, double B) c) =>
        0.2126 * Channel(c.R) + 0.7152 * Channel(c.G) + 0.0722 * Channel(c.B);

    private static double Channel(double value)
    {
        var s = value / 255;
        return s <= 0.04045 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
    }

    [GeneratedRegex(@"[0-9]+(\.[0-9]+)?")]
    private static partial Regex Numbers();
}
