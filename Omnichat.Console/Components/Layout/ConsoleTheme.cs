using MudBlazor;

namespace Omnichat.Console.Components.Layout;

/// <summary>The console's Material theme: one place for colours and the Traditional Chinese font stack.</summary>
public static class ConsoleTheme
{
    // CJK fonts first so Chinese text never falls back to a Latin font's odd glyph choices; Latin text is fine in them too.
    private static readonly string[] FontStack =
    [
        "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", "Heiti TC", "Noto Sans CJK TC",
        "Roboto", "Helvetica", "Arial", "sans-serif",
    ];

    public static MudTheme Create() => new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1565C0",
            Secondary = "#00897B",
            AppbarBackground = "#0D47A1",
            // Material red 800, not MudBlazor's red 500 (#F44336): white on it is 5.6:1, red 500 only 3.7:1, below
            // WCAG AA's 4.5:1 for the banner's text, the Disconnect buttons and red text on white (ConsoleThemeTests).
            Error = "#C62828",
            AppbarText = "#FFFFFF",
            Background = "#F5F7FA",
            DrawerBackground = "#FFFFFF",
            DrawerText = "rgba(0,0,0,0.8)",
            DrawerIcon = "rgba(0,0,0,0.6)",
            // Status colours dark enough for white text on them (WCAG AA, at least 4.5:1): MudBlazor's bright defaults
            // gave the 正常 chip and the warning toast about 2:1.
            Success = "#2E7D32",
            Warning = "#B45309",
            Info = "#1565C0",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontStack, LetterSpacing = "normal" },
            H5 = new H5Typography { FontFamily = FontStack, FontWeight = "500" },
            H6 = new H6Typography { FontFamily = FontStack, FontWeight = "500" },
            Button = new ButtonTypography { FontFamily = FontStack, TextTransform = "none", LetterSpacing = "normal" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "248px" },
    };
}
