using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Omnichat.Console.Localization;

/// <summary>A resource string formatted with its plural forms (<see cref="PluralFormatProvider"/>); lookups are the inner localizer's.</summary>
internal sealed class PluralStringLocalizer(IStringLocalizer inner) : IStringLocalizer
{
    public LocalizedString this[string name] => inner[name];

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = inner[name];
            if (format.ResourceNotFound)
            {
                return inner[name, arguments];
            }
            var value = string.Format(new PluralFormatProvider(CultureInfo.CurrentCulture), format.Value, arguments);
            return new LocalizedString(name, value, resourceNotFound: false, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
}
