using Bunit;
using Omnichat.Console.Components.Pages.Channels;

namespace Omnichat.Tests.Components.Pages.Channels;

/// <summary>The "opened in a new tab" notice is for while Facebook's dialog is open, not for ever after.</summary>
public sealed class ConsentButtonsTests : ComponentTestBase
{
    [Fact]
    public void DialogNotice_GoesOnceTheTabRefreshedAfterTheConsent()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = Render<ConsentButtons>(p => p.Add(x => x.Caller, TestCallers.TeamAdmin).Add(x => x.Refreshes, 3));

        cut.Find("[data-testid=connect-facebook-page]").Click();
        cut.Find("[data-testid=dialog-opened]").TextContent.ShouldContain("已在新分頁開啟 Facebook 授權");
        cut.Render(p => p.Add(x => x.Refreshes, 3));
        cut.FindAll("[data-testid=dialog-opened]").Count.ShouldBe(1, "nothing has come back from Facebook yet");

        cut.Render(p => p.Add(x => x.Refreshes, 4));

        cut.FindAll("[data-testid=dialog-opened]").ShouldBeEmpty();
    }

    [Fact]
    public void SystemUserConfigured_OffersTheSecondButton_ThatOpensItsDialog()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<ConsentButtons>(p => p.Add(x => x.Caller, TestCallers.TeamAdmin).Add(x => x.HasGrant, true).Add(x => x.OffersSystemUser, true));

        var button = cut.Find("[data-testid=connect-system-user]");
        button.TextContent.Trim().ShouldBe("以企業系統使用者授權");
        button.GetAttribute("href").ShouldBe("facebook/oauth/start?purpose=ConnectSystemUser");
        cut.FindAll("[data-testid=connect-facebook-page]").Count.ShouldBe(1);
        cut.FindAll("[data-testid=edit-settings]").Count.ShouldBe(1);
    }

    [Fact]
    public void SystemUserNotConfigured_HasNoSecondButton()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<ConsentButtons>(p => p.Add(x => x.Caller, TestCallers.TeamAdmin).Add(x => x.HasGrant, true));

        cut.FindAll("[data-testid=connect-system-user]").ShouldBeEmpty();
    }
}
