using System.Globalization;

namespace Omnichat.Console.Localization;

/// <summary>
/// Plural forms inside a resource string: a format item "{0:Page|Pages}" becomes "Page" for a count of one and
/// "Pages" for any other count (0 Pages, 1 Page, 2 Pages), English's rule. zh-TW has no plural, so its strings carry
/// none; everything else is formatted as string.Format would in <paramref name="culture"/>.
/// </summary>
internal sealed class PluralFormatProvider(CultureInfo culture) : IFormatProvider, ICustomFormatter
{
    public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : culture.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider)
    {
        if (format is not null && format.Contains('|', StringComparison.Ordinal) && Count(arg) is { } count)
        {
            var forms = format.Split('|');
            return count == 1 ? forms[0] : forms[^1];
        }
        return arg switch
        {
            IFormattable formattable => formattable.ToString(format, culture),
            null => "",
            _ => arg.ToString() ?? "",
        };
    }

    private static long? Count(object? arg) => arg switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        uint u => u,
        _ => null,
    };
}
