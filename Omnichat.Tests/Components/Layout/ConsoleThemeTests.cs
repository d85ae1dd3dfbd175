using Omnichat.Console.Components.Layout;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Components.Layout;

/// <summary>The theme's colours are readable (WCAG AA, 4.5:1 for text) where the console uses them.</summary>
public sealed class ConsoleThemeTests
{
    private static readonly MudBlazor.Palette Palette = ConsoleTheme.Create().PaletteLight;

    private static string Css(MudBlazor.Utilities.MudColor color) => color.ToString(MudBlazor.Utilities.MudColorOutputFormats.RGBA);

    [Fact]
    public void Error_UnderItsContrastText_IsReadable()
    {
        // The banner's text and the Disconnect buttons: white on the error red.
        ColourContrast.Ratio(Css(Palette.Error), Css(Palette.ErrorContrastText)).ShouldBeGreaterThanOrEqualTo(ColourContrast.TextMinimum);
    }

    [Fact]
    public void Error_OnTheSurface_IsReadable()
    {
        // Red text on white (field errors, the banner's buttons, failed e-mails).
        ColourContrast.Ratio(Css(Palette.Error), Css(Palette.Surface)).ShouldBeGreaterThanOrEqualTo(ColourContrast.TextMinimum);
    }

    [Fact]
    public void Primary_UnderItsContrastText_AndOnTheSurface_IsReadable()
    {
        ColourContrast.Ratio(Css(Palette.Primary), Css(Palette.PrimaryContrastText)).ShouldBeGreaterThanOrEqualTo(ColourContrast.TextMinimum);
        ColourContrast.Ratio(Css(Palette.Primary), Css(Palette.Surface)).ShouldBeGreaterThanOrEqualTo(ColourContrast.TextMinimum);
    }

    [Fact]
    public void SuccessWarningAndInfo_UnderTheirContrastText_AreReadable()
    {
        // The 正常 chip, the warning toasts and chips, info notices: MudBlazor's bright defaults gave about 2:1.
        ColourContrast.Ratio(Css(Palette.Success), Css(Palette.SuccessContrastText)).ShouldBeGreaterThanOrEqualTo(ColourContrast.TextMinimum);
        ColourContrast.Ratio(Css(Palette.Warning), Css(Palette.WarningContrastText)).ShouldBeGreaterThanOrEqualTo(ColourContrast.TextMinimum);
        ColourContrast.Ratio(Css(Palette.Info), Css(Palette.InfoContrastText)).ShouldBeGreaterThanOrEqualTo(ColourContrast.TextMinimum);
    }

    [Theory]
    [InlineData("#FFFFFF", "#000000", 21.0)]
    [InlineData("#FFFFFF", "#FFFFFF", 1.0)]
    [InlineData("#FFFFFF", "#F44336", 3.68)]
    [InlineData("rgb(255, 255, 255)", "rgb(198, 40, 40)", 5.62)]
    public void Ratio_KnownPairs_MatchWcag(string first, string second, double expected)
    {
        ColourContrast.Ratio(first, second).ShouldBe(expected, 0.01);
    }
}
