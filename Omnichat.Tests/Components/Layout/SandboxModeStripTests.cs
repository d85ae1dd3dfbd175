using Bunit;
using Omnichat.Console.Components.Layout;
using Omnichat.Console.Localization;
using Omnichat.Console.Resources;
using Omnichat.Core.Deployment;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Components.Layout;

public sealed class SandboxModeStripTests : ComponentTestBase
{
    [Fact]
    public void Render_Development_ShowsNoStrip()
    {
        var cut = Context.Render<SandboxModeStrip>();

        cut.FindAll("[data-testid=sandbox-strip]").ShouldBeEmpty();
    }

    [Fact]
    public void Render_SandboxOutsideDevelopment_SaysItIsNotFacebookAndCannotBeClosed()
    {
        Mode = (new DeploymentMode(IsDevelopment: false, SandboxEnabled: true, SandboxSetExplicitly: true));

        var strip = Context.Render<SandboxModeStrip>().Find("[data-testid=sandbox-strip]");

        strip.TextContent.ShouldContain(Text.ZhTw(SharedStrings.ResourceManager, nameof(SharedStrings.SandboxStrip)));
        strip.QuerySelectorAll("button").ShouldBeEmpty();
        strip.GetAttribute("role").ShouldBe("status");
    }

    [Fact]
    public void Render_SandboxOutsideDevelopmentInEnglish_ShowsTheEnglishStrip()
    {
        UseCulture(ConsoleCultures.English);
        Mode = (new DeploymentMode(IsDevelopment: false, SandboxEnabled: true, SandboxSetExplicitly: true));

        var cut = Context.Render<SandboxModeStrip>();

        cut.Find("[data-testid=sandbox-strip]").TextContent.ShouldContain("Sandbox mode: not connected to Facebook");
    }

    [Fact]
    public void Render_RealDeployment_ShowsNoStrip()
    {
        Mode = (new DeploymentMode(IsDevelopment: false, SandboxEnabled: false, SandboxSetExplicitly: false));

        Context.Render<SandboxModeStrip>().FindAll("[data-testid=sandbox-strip]").ShouldBeEmpty();
    }
}
