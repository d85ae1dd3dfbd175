namespace Omnichat.Console.Localization;

/// <summary>The console's languages. zh-TW is the default and the neutral resource language; English is second.</summary>
public static class ConsoleCultures
{
    public const string TraditionalChinese = "zh-TW";
    public const string English = "en";
    public const string Default = TraditionalChinese;

    /// <summary>Names stay in their own language, so a reader who cannot read the current one still finds theirs.</summary>
    public static readonly IReadOnlyList<ConsoleCulture> All =
    [
        new(TraditionalChinese, "中文"),
        new(English, "English"),
    ];

    public static ConsoleCulture? Find(string? name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
