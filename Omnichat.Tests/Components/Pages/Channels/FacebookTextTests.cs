using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Localization;
using Omnichat.Console.Resources;
using Omnichat.Core.Channels;

namespace Omnichat.Tests.Components.Pages.Channels;

/// <summary>Every status, cause and outcome has words in both languages: a shop owner never sees a key or a blank.</summary>
public sealed class FacebookTextTests
{
    private static IStringLocalizer<FacebookStrings> Localizer(string culture)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        var services = new ServiceCollection().AddLogging().AddOmnichatLocalization().BuildServiceProvider();
        return services.GetRequiredService<IStringLocalizer<FacebookStrings>>();
    }

    private static void UseCulture(string culture) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);

    public static TheoryData<string> Cultures => new() { ConsoleCultures.Default, ConsoleCultures.English };

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryEnumMember_HasText(string culture)
    {
        var loc = Localizer(culture);
        var texts = new List<string>();
        texts.AddRange(Enum.GetValues<ConnectionStatus>().Select(s => FacebookText.Status(s)));
        texts.AddRange(Enum.GetValues<FailureCause>().Where(c => c != FailureCause.None).Select(c => FacebookText.Cause(c)));
        texts.AddRange(Enum.GetValues<ConsentOutcomeKind>().Select(k => FacebookText.Outcome(loc, new ConsentOutcome(k, "Dana Chen", 3, PageName: "台北店"))));
        texts.AddRange(Enum.GetValues<ConnectFailure>().Select(f => FacebookText.ConnectFailure(loc, new ConnectPageResult("1", "台北店", f))));
        texts.AddRange(Enum.GetValues<PageAvailability>().Where(a => a != PageAvailability.Available)
            .Select(a => FacebookText.Availability(loc, new AuthorizedPageView("1", "台北店", null, "Dana", a, ["pages_messaging"]))));

        string[] keyPrefixes = ["Status_", "Cause_", "Outcome_", "ConnectFailure_", "Avail_"];
        texts.ShouldAllBe(t => !string.IsNullOrWhiteSpace(t) && !keyPrefixes.Any(t.Contains));
    }

    [Fact]
    public void Cause_PasswordChanged_SaysSoInBothLanguages()
    {
        UseCulture(ConsoleCultures.Default);
        FacebookText.Cause(FailureCause.PasswordChangedOrSecurityReset).ShouldContain("更改了密碼");
        UseCulture(ConsoleCultures.English);
        FacebookText.Cause(FailureCause.PasswordChangedOrSecurityReset).ShouldContain("changed its password");
    }
}
