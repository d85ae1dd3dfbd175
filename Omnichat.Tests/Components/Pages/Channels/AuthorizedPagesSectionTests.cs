using Bunit;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Localization;
using Omnichat.Core.Channels;

namespace Omnichat.Tests.Components.Pages.Channels;

public sealed class AuthorizedPagesSectionTests : ComponentTestBase
{
    private static AuthorizedPageView Page(string id, string name, PageAvailability availability, params string[] missing) =>
        new(id, name, "Shop", null, "Dana Chen", availability, missing);

    private static FacebookChannelOverview Overview(params AuthorizedPageView[] pages) => new(["Dana Chen"], pages, []);

    private IRenderedComponent<AuthorizedPagesSection> RenderSection(FacebookChannelOverview overview) =>
        Render<AuthorizedPagesSection>(p => p
            .Add(x => x.Caller, TestCallers.TeamAdmin)
            .Add(x => x.Overview, overview));

    [Fact]
    public void Render_PagesThatCannotBeConnected_AreGreyedWithTheirReason()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Overview(
            Page("1", "台北店", PageAvailability.Available),
            Page("2", "加盟夥伴", PageAvailability.NotPageAdmin),
            Page("3", "台中店", PageAvailability.PageNotGranted),
            Page("4", "高雄店", PageAvailability.PermissionMissing, "pages_messaging"),
            Page("5", "共用店", PageAvailability.ConnectedByAnotherTeam)));

        string Reason(string id) => cut.Find($"[data-page-id='{id}'] [data-testid=unavailable-reason]").TextContent;
        Reason("2").ShouldContain("不是此專頁的管理員");
        Reason("3").ShouldContain("沒有勾選此專頁");
        Reason("4").ShouldContain("pages_messaging");
        Reason("5").ShouldContain("其他團隊");
        cut.FindAll("[data-page-id='1'] [data-testid=unavailable-reason]").ShouldBeEmpty();
        cut.Find("[data-page-id='2'] input[type=checkbox]").HasAttribute("disabled").ShouldBeTrue();
        cut.Find("[data-page-id='1'] input[type=checkbox]").HasAttribute("disabled").ShouldBeFalse();
        cut.Find("[data-page-id='2']").ClassList.ShouldContain("authorized-row--unavailable");
    }

    [Fact]
    public void Render_Agent_SeesTheListWithoutAFormTheyCannotUse()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = Render<AuthorizedPagesSection>(p => p
            .Add(x => x.Caller, TestCallers.Agent)
            .Add(x => x.Overview, Overview(Page("1", "台北店", PageAvailability.Available))));

        cut.Find("[data-page-id='1']").TextContent.ShouldContain("台北店");
        cut.FindAll("input[type=checkbox]").ShouldBeEmpty();
        cut.FindAll("[data-testid=connect-selected]").ShouldBeEmpty();
        cut.Markup.ShouldNotContain("勾選需要串接");
    }

    [Fact]
    public void ConnectButton_DisabledUntilAPageIsTicked()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderSection(Overview(Page("1", "台北店", PageAvailability.Available), Page("2", "台中店", PageAvailability.Available)));
        cut.Find("[data-testid=connect-selected]").HasAttribute("disabled").ShouldBeTrue();

        cut.Find("[data-page-id='1'] input[type=checkbox]").Change(true);

        cut.WaitForAssertion(() => cut.Find("[data-testid=connect-selected]").HasAttribute("disabled").ShouldBeFalse());
        cut.Markup.ShouldContain("已選取 1 個專頁");
    }

    [Fact]
    public void Render_English_ExplainsReasonsInEnglish()
    {
        UseCulture(ConsoleCultures.English);
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Overview(Page("2", "Partner", PageAvailability.NotPageAdmin)));

        cut.Find("[data-testid=unavailable-reason]").TextContent.ShouldContain("not an admin of this Page");
        cut.Find("[data-testid=connect-selected]").TextContent.Trim().ShouldBe("Connect");
    }
}
