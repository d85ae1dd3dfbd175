using Bunit;
using MudBlazor;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Core.Channels;

namespace Omnichat.Tests.Components.Pages.Channels;

public sealed class ConnectedPagesSectionTests : ComponentTestBase
{
    private static ConnectionView Connection(string name, ConnectionStatus status = ConnectionStatus.Healthy,
        FailureCause cause = FailureCause.None, bool notCovered = false) =>
        new(Guid.NewGuid(), "104500000000001", name, status, cause, "王小明 (Demo admin)",
            DateTimeOffset.Parse("2026-11-30T08:15:00Z", System.Globalization.CultureInfo.InvariantCulture), "Dana Chen", null, notCovered);

    private IRenderedComponent<ConnectedPagesSection> RenderSection(params ConnectionView[] connections) =>
        Render<ConnectedPagesSection>(p => p.Add(x => x.Caller, TestCallers.TeamAdmin).Add(x => x.Connections, connections));

    [Fact]
    public void Render_Connection_ShowsStatusWhoAndWhen()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Connection("Demo Shop 台北店"));

        cut.Find("[data-testid=connected-page]").TextContent.ShouldContain("Demo Shop 台北店");
        cut.Find("[data-status]").TextContent.Trim().ShouldBe("正常");
        cut.Markup.ShouldContain("王小明 (Demo admin)，2026-11-30 08:15 UTC");
        cut.Find("[data-testid=reauthorize]").GetAttribute("href").ShouldStartWith("facebook/oauth/start?purpose=Reauthorize&connectionId=");
    }

    [Fact]
    public void Render_BrokenConnection_SaysWhyInPlainWords()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Connection("台北店", ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset));

        cut.Find("[data-status]").TextContent.Trim().ShouldBe("需要重新授權");
        cut.Find("[data-testid=connection-cause]").TextContent.ShouldContain("更改了密碼");
    }

    [Fact]
    public void Render_PageNoLongerCoveredByConsent_WarnsBeforeItBreaks()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection(Connection("台北店", notCovered: true));

        cut.Find("[data-testid=not-covered-warning]").TextContent.ShouldContain("編輯設定");
    }

    [Fact]
    public void Render_Agent_HasNoActions()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = Render<ConnectedPagesSection>(p => p.Add(x => x.Caller, TestCallers.Agent).Add(x => x.Connections, [Connection("台北店")]));

        cut.FindAll("[data-testid=disconnect]").ShouldBeEmpty();
        cut.FindAll("[data-testid=reauthorize]").ShouldBeEmpty();
    }

    [Fact]
    public void Disconnect_AsksForConfirmationAndCancelKeepsThePage()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var dialogs = Render<MudDialogProvider>();
        var cut = RenderSection(Connection("Demo Shop 台北店"));

        cut.Find("[data-testid=disconnect]").Click();

        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldContain("解除串接「Demo Shop 台北店」？"));
        dialogs.Markup.ShouldContain("過去的對話與紀錄會保留");
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "取消").Click();
        dialogs.WaitForAssertion(() => dialogs.Markup.ShouldNotContain("解除串接「Demo Shop 台北店」？"));
        cut.Find("[data-testid=disconnect]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public void Disconnect_Confirmed_ReportsTheOutcome()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var dialogs = Render<MudDialogProvider>();
        var snackbars = Render<MudSnackbarProvider>();
        var cut = RenderSection(Connection("Demo Shop 台北店"));

        cut.Find("[data-testid=disconnect]").Click();
        dialogs.WaitForAssertion(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "解除串接").Click());

        // Nothing of this team is stored in the test database, so the service answers as for a connection removed meanwhile.
        snackbars.WaitForAssertion(() => snackbars.Markup.ShouldContain("找不到此串接"));
    }

    [Fact]
    public void Render_NoConnections_ShowsEmptyState()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = RenderSection();

        cut.Find("[data-testid=connected-empty]").TextContent.ShouldContain("尚未串接任何 Facebook 專頁");
    }
}
