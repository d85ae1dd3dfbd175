using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>One team never sees or changes another team's pages; agents change nothing.</summary>
public sealed class TeamIsolationTests : FlowTest
{
    private static readonly string Taipei = DemoWorld.ShopPageId(2);

    [Fact]
    public async Task Overview_OtherTeam_SeesNoneOfThisTeamsPagesOrConnections()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var other = await Driver.CallerAsync("admin@other.local");

        var overview = await Driver.OverviewAsync(other);

        overview.HasGrant.ShouldBeFalse();
        overview.AuthorizedPages.ShouldBeEmpty();
        overview.Connections.ShouldBeEmpty();
    }

    [Fact]
    public async Task Disconnect_OtherTeamsConnection_IsNotFoundAndStaysConnected()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var connection = (await Driver.OverviewAsync(admin)).Connections.Single();
        var other = await Driver.CallerAsync("admin@other.local");

        var outcome = await Driver.DisconnectAsync(other, connection.Id);

        outcome.ShouldBe(DisconnectOutcome.NotFound);
        (await Driver.OverviewAsync(admin)).Connections.Single().Status.ShouldBe(ConnectionStatus.Healthy);
        (await Driver.Sandbox.SubscribedAppsAsync(Taipei)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Connect_OtherTeamsAuthorizedPage_IsNotInItsGrant()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        var other = await Driver.CallerAsync("admin@other.local");

        var result = (await Driver.ConnectAsync(other, Taipei)).Single();

        result.Failure.ShouldBe(ConnectFailure.NotInGrant);
    }

    [Fact]
    public async Task Agent_SeesTheTeamsPagesButCannotConnectOrDisconnect()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var agent = await Driver.CallerAsync("agent@demo.local");
        var connection = (await Driver.OverviewAsync(agent)).Connections.Single();

        var connect = (await Driver.ConnectAsync(agent, DemoWorld.ShopPageId(5))).Single();
        var disconnect = await Driver.DisconnectAsync(agent, connection.Id);

        connect.Failure.ShouldBe(ConnectFailure.NotTeamAdmin);
        disconnect.ShouldBe(DisconnectOutcome.NotTeamAdmin);
        (await Driver.OverviewAsync(admin)).Connections.Single().Status.ShouldBe(ConnectionStatus.Healthy);
    }
}
