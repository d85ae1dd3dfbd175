using Bunit;
using Omnichat.Console.Components.Pages.Channels;
using Omnichat.Console.Localization;

namespace Omnichat.Tests.Components.Pages.Channels;

public sealed class ChannelsPageTests : ComponentTestBase
{
    [Fact]
    public void Render_Facebook_ShowsTitleAndActiveFacebookMessengerTab()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<ChannelsPage>(p => p.Add(x => x.Channel, "facebook"));

        cut.Find("h1").TextContent.ShouldBe("串接社群通訊渠道");
        cut.Find(".mud-tab.mud-tab-active").TextContent.ShouldContain("Facebook Messenger");
        cut.FindAll("[data-testid=facebook-messenger-tab]").Count.ShouldBe(1);
    }

    [Fact]
    public void Render_Facebook_OtherChannelsAreDisabledAndComingSoon()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = Render<ChannelsPage>(p => p.Add(x => x.Channel, "facebook"));

        foreach (var label in new[] { "LINE", "Instagram", "WhatsApp" })
        {
            var tab = cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains(label));
            tab.ClassList.ShouldContain("mud-disabled");
            tab.TextContent.ShouldContain("即將推出");
        }
        cut.FindAll(".mud-tab.mud-disabled").Count.ShouldBe(3);
    }

    [Fact]
    public void Render_English_LabelsComingSoonInEnglish()
    {
        UseCulture(ConsoleCultures.English);
        SignInAs(TestCallers.Support);

        var cut = Render<ChannelsPage>(p => p.Add(x => x.Channel, "facebook"));

        cut.Find("h1").TextContent.ShouldBe("Social channel integration");
        cut.FindAll(".mud-tab.mud-disabled").ShouldAllBe(t => t.TextContent.Contains("Coming soon"));
    }

    [Fact]
    public void Render_NoChannel_RedirectsToFacebook()
    {
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        Render<ChannelsPage>();

        Navigation.Uri.ShouldEndWith("/channels/facebook");
    }

    [Fact]
    public void ClickDisabledTab_StaysOnFacebook()
    {
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        Navigation.NavigateTo("channels/facebook");
        var cut = Render<ChannelsPage>(p => p.Add(x => x.Channel, "facebook"));

        cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("LINE")).Click();

        Navigation.Uri.ShouldEndWith("/channels/facebook");
        cut.Find(".mud-tab.mud-tab-active").TextContent.ShouldContain("Facebook Messenger");
    }
}
