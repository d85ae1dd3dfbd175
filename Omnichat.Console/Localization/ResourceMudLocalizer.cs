using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Omnichat.Console.Resources;

namespace Omnichat.Console.Localization;

/// <summary>
/// MudBlazor's own strings (pager, pickers, close buttons) in Traditional Chinese from Resources/MudBlazorStrings.resx.
/// English is MudBlazor's built-in language, so for English this reports "not found" and MudBlazor uses its own text;
/// asking the resources would answer with the neutral zh-TW text instead.
/// </summary>
internal sealed class ResourceMudLocalizer(IStringLocalizer<MudBlazorStrings> strings) : MudLocalizer
{
    public override LocalizedString this[string key] =>
        IsChinese(CultureInfo.CurrentUICulture) ? strings[key] : NotFound(key);

    public override LocalizedString this[string key, params object[] arguments] =>
        IsChinese(CultureInfo.CurrentUICulture) ? strings[key, arguments] : NotFound(key);

    private static bool IsChinese(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName.Equals("zh", StringComparison.OrdinalIgnoreCase);

    private static LocalizedString NotFound(string key) => new(key, key, resourceNotFound: true);
}
