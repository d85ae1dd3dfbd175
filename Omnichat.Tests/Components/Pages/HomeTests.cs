using Omnichat.Console.Components.Pages;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components.Pages;

/// <summary>Each role lands on its own work after signing in.</summary>
public sealed class HomeTests : ComponentTestBase
{
    [Theory]
    [InlineData("support", "http://localhost/support/integrations")]
    [InlineData("admin", "http://localhost/channels/facebook")]
    [InlineData("agent", "http://localhost/channels/facebook")]
    public void SignedIn_LandsOnTheRolesOwnPage(string who, string expected)
    {
        Caller caller = who switch
        {
            "support" => TestCallers.Support,
            "admin" => TestCallers.TeamAdmin,
            _ => TestCallers.Agent,
        };
        SignInAs(caller, caller.IsSupport ? null : TestCallers.DemoShop);

        Render<Home>();

        Navigation.Uri.ShouldBe(expected);
    }
}
