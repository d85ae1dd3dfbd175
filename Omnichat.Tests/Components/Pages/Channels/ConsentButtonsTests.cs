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
}
