using System.Globalization;
using Omnichat.Console.Components.Layout;

namespace Omnichat.Tests.Components.Layout;

/// <summary>White text on the console's status colours (chips, toasts, filled buttons) is readable: WCAG AA, 4.5:1.</summary>
public sealed class ConsoleThemeContrastTests
{
    public static TheoryData<string> Colours => ["Primary", "Success", "Warning", "Error", "Info"];

    [Theory]
    [MemberData(nameof(Colours))]
    public void WhiteTextOnStatusColour_MeetsAA(string name)
    {
        var palette = ConsoleTheme.Create().PaletteLight;
        var colour = name switch
        {
            "Primary" => palette.Primary,
            "Success" => palette.Success,
            "Warning" => palette.Warning,
            "Error" => palette.Error,
            _ => palette.Info,
        };

        var ratio = (1.0 + 0.05) / (Luminance(colour.Value) + 0.05);

        ratio.ShouldBeGreaterThanOrEqualTo(4.5, $"{name} {colour.Value}: {ratio.ToString("F2", CultureInfo.InvariantCulture)}:1");
    }

    // WCAG 2's relative luminance of an sRGB colour written #rrggbb (MudColor.Value may add alpha).
    private static double Luminance(string hex)
    {
        static double Channel(string hex, int at)
        {
            var c = int.Parse(hex.AsSpan(1 + at * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(hex, 0) + 0.7152 * Channel(hex, 1) + 0.0722 * Channel(hex, 2);
    }
}
