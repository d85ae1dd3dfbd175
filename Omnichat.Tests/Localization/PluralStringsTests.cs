using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Omnichat.Console.Localization;
using Omnichat.Console.Resources;

namespace Omnichat.Tests.Localization;

/// <summary>Counts in English take the right form ("1 Page", "2 Pages"); zh-TW, which has none, is untouched.</summary>
public sealed class PluralStringsTests
{
    private static IStringLocalizer<FacebookStrings> Facebook()
    {
        var services = new ServiceCollection().AddLogging().AddOmnichatLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<FacebookStrings>>();
    }

    [Theory]
    [InlineData(0, "0 Pages selected")]
    [InlineData(1, "1 Page selected")]
    [InlineData(2, "2 Pages selected")]
    [InlineData(531, "531 Pages selected")]
    public void SelectedCount_InEnglish_TakesThePluralForm(int count, string expected)
    {
        using var culture = new CultureScope("en");

        Facebook()[nameof(FacebookStrings.SelectedCount), count].Value.ShouldBe(expected);
    }

    [Fact]
    public void ConnectPartial_InEnglish_EachCountItsOwnForm()
    {
        using var culture = new CultureScope("en");

        Facebook()[nameof(FacebookStrings.ConnectPartial), 1, 2].Value.ShouldBe("1 Page connected, 2 not connected");
    }

    [Theory]
    [InlineData(1, "已選取 1 個專頁")]
    [InlineData(2, "已選取 2 個專頁")]
    public void SelectedCount_InChinese_IsTheSameForEveryCount(int count, string expected)
    {
        using var culture = new CultureScope("zh-TW");

        Facebook()[nameof(FacebookStrings.SelectedCount), count].Value.ShouldBe(expected);
    }

    [Fact]
    public void Format_OtherArguments_AreFormattedAsStringFormatWould()
    {
        using var culture = new CultureScope("en");
        var provider = new PluralFormatProvider(CultureInfo.GetCultureInfo("en"));

        string.Format(provider, "{0:N0} {1} {2:yyyy-MM-dd} {3:x|y}", 12345, "text", new DateTime(2026, 12, 2), "not a count")
            .ShouldBe("12,345 text 2026-12-02 not a count");
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo ui = CultureInfo.CurrentUICulture;
        private readonly CultureInfo format = CultureInfo.CurrentCulture;

        public CultureScope(string name)
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        }

        public void Dispose()
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = format;
        }
    }
}
