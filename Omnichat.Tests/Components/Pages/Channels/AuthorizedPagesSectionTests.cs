using Bunit;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Localization;
using Omnichat.Core.Channels;

namespace Omnichat.Tests.Components.Pages.Channels;

public sealed class AuthorizedPagesSectionTests : ComponentTestBase
{
    private static AuthorizedPageView Page(string id, string name, PageAvailability availability, params string[] missing) =>
        new(id, name, null, "Dana Chen", availability, missing);

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
        cut.Find("[data-page-id='1']").TextContent.ShouldNotContain("Shop", customMessage: "Facebook's category comes in English only; it is left out");
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

    private static AuthorizedPageView[] Many(int count, string prefix, PageAvailability availability = PageAvailability.Available, int firstId = 1) =>
        [.. Enumerable.Range(firstId, count).Select(i => Page($"10{i:D4}", $"{prefix} {i:D3}", availability))];

    private static AngleSharp.Dom.IElement SearchBox(IRenderedComponent<AuthorizedPagesSection> cut)
    {
        var box = cut.Find("[data-testid=authorized-search]");
        return box.TagName == "INPUT" ? box : box.QuerySelector("input")!;
    }

    [Fact]
    public void ManyPages_ShowFiftyAtATime_WithWhereTheUserIsAndAPager()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderSection(Overview(Many(120, "分店")));

        cut.FindAll("[data-testid=authorized-page]").Count.ShouldBe(50);
        cut.Find("[data-testid=authorized-range]").TextContent.ShouldContain("第 1–50 個，共 120 個");

        cut.FindAll("[data-testid=authorized-pager] button").First(b => b.TextContent.Trim() == "3").Click();

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=authorized-page]").Count.ShouldBe(20));
        cut.Find("[data-testid=authorized-range]").TextContent.ShouldContain("第 101–120 個，共 120 個");
        cut.Find("[data-testid=authorized-page]").TextContent.ShouldContain("分店 101");
    }

    [Fact]
    public void Search_ShowsOnlyMatches_AndSelectAllTicksEveryConnectableMatch_NotJustThoseOnScreen()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderSection(Overview([
            .. Many(70, "台中店"), .. Many(5, "台中加盟", PageAvailability.NotPageAdmin, firstId: 200), .. Many(30, "台北店", firstId: 300)]));

        SearchBox(cut).Input("台中");

        cut.WaitForAssertion(() => cut.Find("[data-testid=authorized-range]").TextContent.ShouldContain("共 75 個"));
        cut.FindAll("[data-testid=authorized-page]").ShouldAllBe(row => row.TextContent.Contains("台中"));
        cut.Find("[data-testid=select-all]").TextContent.ShouldContain("（70 個）");

        cut.Find("[data-testid=select-all] input").Change(true);

        cut.WaitForAssertion(() => cut.Find("[data-testid=selected-count]").TextContent.ShouldContain("已選取 70 個"));
        cut.Find("[data-testid=connect-selected]").HasAttribute("disabled").ShouldBeFalse();

        SearchBox(cut).Input("");

        // Clearing the search keeps what was ticked; the pages ticked are the 台中 ones only.
        cut.WaitForAssertion(() => cut.Find("[data-testid=authorized-range]").TextContent.ShouldContain("共 105 個"));
        cut.Find("[data-testid=selected-count]").TextContent.ShouldContain("已選取 70 個");
        cut.FindAll("[data-testid=authorized-page]").Where(r => r.TextContent.Contains("台北店"))
            .ShouldAllBe(r => r.QuerySelector("input")!.HasAttribute("checked") == false);
    }

    [Fact]
    public void SelectAll_WhenEverythingShownIsTicked_UnticksIt()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderSection(Overview(Many(12, "分店")));

        cut.Find("[data-testid=select-all] input").Change(true);
        cut.WaitForAssertion(() => cut.Find("[data-testid=selected-count]").TextContent.ShouldContain("已選取 12 個"));

        cut.Find("[data-testid=select-all] input").Change(false);

        cut.WaitForAssertion(() => cut.Find("[data-testid=selected-count]").TextContent.ShouldContain("已選取 0 個"));
        cut.Find("[data-testid=connect-selected]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void Search_WithoutMatch_SaysSo_AndOffersNothingToSelect()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderSection(Overview(Many(12, "分店")));

        SearchBox(cut).Input("高雄");

        cut.WaitForAssertion(() => cut.Find("[data-testid=authorized-no-match]").TextContent.ShouldContain("找不到符合「高雄」的粉絲專頁"));
        cut.FindAll("[data-testid=authorized-page]").ShouldBeEmpty();
        cut.FindAll("[data-testid=select-all]").ShouldBeEmpty();
    }

    [Fact]
    public void Search_ByPageId_FindsThePage()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderSection(Overview(Many(12, "分店")));

        SearchBox(cut).Input("100007");

        cut.WaitForAssertion(() => cut.FindAll("[data-testid=authorized-page]").Select(r => r.GetAttribute("data-page-id")).ShouldBe(["100007"]));
    }

    [Fact]
    public void FewPages_HaveNoSearchBoxOrPager()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderSection(Overview(Many(3, "分店")));

        cut.FindAll("[data-testid=authorized-search]").ShouldBeEmpty();
        cut.FindAll("[data-testid=authorized-pager]").ShouldBeEmpty();
        cut.FindAll("[data-testid=authorized-page]").Count.ShouldBe(3);
    }

    [Fact]
    public void Pictures_LoadLazily()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = RenderSection(Overview(Page("1", "台北店", PageAvailability.Available) with { PictureUrl = "https://example.test/1.svg" }));

        cut.Find("[data-page-id='1'] img").GetAttribute("loading").ShouldBe("lazy");
    }
}
