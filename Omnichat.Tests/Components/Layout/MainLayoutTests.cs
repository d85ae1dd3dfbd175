using Omnichat.Console.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using Bunit;
using Microsoft.AspNetCore.Components;
using Omnichat.Console.Components.Layout;
using Omnichat.Console.Localization;

namespace Omnichat.Tests.Components.Layout;

public sealed class MainLayoutTests : ComponentTestBase
{
    private static readonly RenderFragment Body = builder => builder.AddMarkupContent(0, "<p id=\"body\">page</p>");

    [Fact]
    public void Render_TraditionalChinese_ShowsChannelNavigationInChinese()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderLayout();

        var nav = cut.Find("[data-testid=main-nav]").TextContent;
        nav.ShouldContain("通訊渠道");
        nav.ShouldContain("串接社群通訊渠道");
        cut.Find("[data-testid=main-nav] a[href='channels/facebook']").ShouldNotBeNull();
    }

    [Fact]
    public void Render_English_ShowsChannelNavigationInEnglish()
    {
        UseCulture(ConsoleCultures.English);
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderLayout();

        var nav = cut.Find("[data-testid=main-nav]").TextContent;
        nav.ShouldContain("Channels");
        nav.ShouldContain("Social channel integration");
        nav.ShouldNotContain("通訊渠道");
    }

    [Fact]
    public void Render_Interactive_RendersCircuitReadyMarker()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = RenderLayout();

        cut.FindAll("[data-testid=circuit-ready]").Count.ShouldBe(1);
        cut.Find("#body").TextContent.ShouldBe("page");
    }

    [Fact]
    public void Render_Prerendering_HasNoCircuitReadyMarker()
    {
        UsePrerendering();
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = RenderLayout();

        cut.FindAll("[data-testid=circuit-ready]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_TeamAdmin_ShowsDisplayNameRoleAndTeam()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderLayout();

        cut.Find("[data-testid=user-display-name]").TextContent.ShouldBe("王小明 (Demo admin)");
        cut.Find("[data-testid=user-role]").TextContent.ShouldBe("團隊管理員 · Demo Shop");
    }

    [Fact]
    public void Render_SupportStaff_ShowsAllTeamsInEnglish()
    {
        UseCulture(ConsoleCultures.English);
        SignInAs(TestCallers.Support);

        var cut = RenderLayout();

        cut.Find("[data-testid=user-role]").TextContent.ShouldBe("Support staff · All teams");
    }

    [Fact]
    public void Render_SignedIn_SignOutPostsToLogoutWithAntiforgery()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = RenderLayout();

        var form = cut.Find("form[action='Account/Logout']");
        form.GetAttribute("method").ShouldBe("post");
        form.QuerySelector("button[type=submit]").ShouldNotBeNull();
    }

    [Fact]
    public void LanguageSwitch_ChooseEnglish_ReloadsThroughCultureEndpoint()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);
        Navigation.NavigateTo("channels/facebook");
        var cut = RenderLayout();

        cut.Find("[data-testid=language-switch] button").Click();
        cut.WaitForAssertion(() => cut.FindAll(".mud-menu-item").Count.ShouldBe(2));
        // The layout re-renders once the team's time zone has loaded; a click on the item from before that is lost,
        // so the item is found afresh until the click lands.
        cut.WaitForAssertion(() =>
        {
            cut.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("English")).Click();
            Navigation.History.First().Uri.ShouldBe("culture?name=en&redirectUri=%2Fchannels%2Ffacebook");
        });
        Navigation.History.First().Options.ForceLoad.ShouldBeTrue();
    }

    [Fact]
    public void Feedback_SuccessAfterAnError_ShowsOnlyTheSuccess()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderLayout();
        var feedback = Context.Services.GetRequiredService<ActionFeedback>();

        cut.InvokeAsync(() => feedback.Error("串接失敗：Demo Shop 台北店"));
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("串接失敗：Demo Shop 台北店"));
        cut.InvokeAsync(() => feedback.Success("已串接 Demo Shop 台北店"));

        cut.WaitForAssertion(() => cut.Markup.ShouldContain("已串接 Demo Shop 台北店"));
        cut.Markup.ShouldNotContain("串接失敗", customMessage: "the old error does not stay beside the later success");
    }

    [Fact]
    public void Feedback_LeavingThePage_TakesItsMessagesAway()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderLayout();
        cut.InvokeAsync(() => Context.Services.GetRequiredService<ActionFeedback>().Error("串接失敗：Demo Shop 台北店"));
        cut.WaitForAssertion(() => cut.Markup.ShouldContain("串接失敗"));

        Navigation.NavigateTo("/inbox");

        cut.WaitForAssertion(() => cut.Markup.ShouldNotContain("串接失敗"));
    }

    private IRenderedComponent<MainLayout> RenderLayout() => Render<MainLayout>(p => p.Add(l => l.Body, Body));
}
