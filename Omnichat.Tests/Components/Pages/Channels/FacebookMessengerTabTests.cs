using Bunit;
using Omnichat.Console.Components.Pages.Channels;

namespace Omnichat.Tests.Components.Pages.Channels;

public sealed class FacebookMessengerTabTests : ComponentTestBase
{
    [Fact]
    public void Render_NoGrantYet_ShowsEmptyStatesAndAConnectButtonThatOpensANewTab()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<FacebookMessengerTab>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=authorized-empty]").TextContent.ShouldContain("尚未授權任何 Facebook 專頁"));
        cut.Find("[data-testid=connected-empty]").TextContent.ShouldContain("尚未串接任何 Facebook 專頁");
        var connect = cut.Find("[data-testid=connect-facebook-page]");
        connect.TextContent.Trim().ShouldBe("串接 Facebook 專頁");
        connect.GetAttribute("target").ShouldBe("_blank");
        connect.GetAttribute("href").ShouldBe("facebook/oauth/start?purpose=Connect");
        cut.FindAll("[data-testid=edit-settings]").ShouldBeEmpty();
    }

    [Fact]
    public void ClickConnect_TellsTheAdminTheDialogOpenedInANewTab()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = Render<FacebookMessengerTab>();
        cut.WaitForElement("[data-testid=connect-facebook-page]");

        cut.Find("[data-testid=connect-facebook-page]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=dialog-opened]").TextContent.ShouldContain("已在新分頁開啟 Facebook 授權"));
    }

    [Fact]
    public void Render_Agent_SeesWhyThereAreNoButtons()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = Render<FacebookMessengerTab>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=not-admin-notice]").TextContent.ShouldContain("只有團隊管理員"));
        cut.FindAll("[data-testid=connect-facebook-page]").ShouldBeEmpty();
    }
}
