using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Localization;
using Omnichat.Console.Resources;
using Omnichat.Core.Channels;

namespace Omnichat.Tests.Components.Pages.Channels;

public sealed class AuthorizationListTests : ComponentTestBase
{
    private static readonly DateTimeOffset Ended = DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

    private IRenderedComponent<AuthorizationList> RenderList(params AuthorizationView[] authorizations) =>
        Render<AuthorizationList>(p => p.Add(c => c.Authorizations, authorizations).Add(c => c.FallbackName, "Dana Chen"));

    [Fact]
    public void OnePerson_IsJustTheName()
    {
        var cut = RenderList(new AuthorizationView("Dana Chen", InUse: true, null, FailureCause.None));

        cut.Find("[data-testid=authorization]").TextContent.ShouldBe("Dana Chen");
        cut.FindAll("[data-testid=authorizations]").ShouldBeEmpty();
    }

    [Fact]
    public void InUseAndBackup_SaySo_InUseFirst()
    {
        var cut = RenderList(
            new AuthorizationView("Dana Chen", InUse: true, null, FailureCause.None),
            new AuthorizationView("Kevin Wu", InUse: false, null, FailureCause.None));

        cut.Find("[data-testid=authorizations]").TextContent.ShouldBe("Dana Chen（使用中） · Kevin Wu（備援）");
    }

    [Fact]
    public void EndedAuthorization_SaysWhyInAFewWords()
    {
        var cut = RenderList(
            new AuthorizationView("Kevin Wu", InUse: true, null, FailureCause.None),
            new AuthorizationView("Dana Chen", InUse: false, Ended, FailureCause.PasswordChangedOrSecurityReset));

        var dana = cut.FindAll("[data-testid=authorization]")[1];
        dana.TextContent.ShouldBe("Dana Chen（已失效：密碼已變更）");
        dana.GetAttribute("data-works").ShouldBe("false");
    }

    [Fact]
    public void English_SaysItInEnglish()
    {
        UseCulture(ConsoleCultures.English);

        var cut = RenderList(
            new AuthorizationView("Kevin Wu", InUse: true, null, FailureCause.None),
            new AuthorizationView("Dana Chen", InUse: false, Ended, FailureCause.PasswordChangedOrSecurityReset));

        cut.Find("[data-testid=authorizations]").TextContent.ShouldBe("Kevin Wu (in use) · Dana Chen (ended: Password changed)");
    }

    [Fact]
    public void SystemUserInUse_PersonAsBackup_SaysItIsTheBusinessNotAPerson()
    {
        var cut = RenderList(
            new AuthorizationView("Demo Trading Co. 系統使用者", InUse: true, null, FailureCause.None, IsSystemUser: true),
            new AuthorizationView("Dana Chen", InUse: false, null, FailureCause.None));

        var loc = Context.Services.GetRequiredService<IStringLocalizer<FacebookStrings>>();
        cut.Find("[data-testid=authorizations]").TextContent.ShouldBe(
            loc[nameof(FacebookStrings.AuthorizationSystemUser)] + loc[nameof(FacebookStrings.AuthorizationInUse)] + " · Dana Chen"
            + loc[nameof(FacebookStrings.AuthorizationBackup)]);
        cut.Markup.ShouldNotContain("Demo Trading Co.", Case.Sensitive, "a system user is no person to name");
    }

    [Fact]
    public void SystemUserAlone_IsTheLabel_InEnglishToo()
    {
        UseCulture(ConsoleCultures.English);

        var cut = RenderList(new AuthorizationView("Demo Trading Co. 系統使用者", InUse: true, null, FailureCause.None, IsSystemUser: true));

        cut.Find("[data-testid=authorization]").TextContent.ShouldBe("Business system user authorization (not affected by anyone's password change)");
    }

    [Fact]
    public void NoRowsLeft_ShowsWhomTheConnectionRecords()
    {
        RenderList().Find("[data-testid=authorization]").TextContent.ShouldBe("Dana Chen");
    }
}
