using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>One team never sees or changes another team's pages; agents change nothing.</summary>
public sealed class TeamIsolationTests : IAsyncLifetime
{
    private ConsoleServer server = default!;
    private ConsentDriver driver = default!;
    private static readonly string Taipei = DemoWorld.ShopPageId(2);

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync();
        driver = new ConsentDriver(server);
    }

    public async Task DisposeAsync()
    {
        driver.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Overview_OtherTeam_SeesNoneOfThisTeamsPagesOrConnections()
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Taipei);
        var other = await driver.CallerAsync("admin@other.local");

        var overview = await driver.OverviewAsync(other);

        overview.HasGrant.ShouldBeFalse();
        overview.AuthorizedPages.ShouldBeEmpty();
        overview.Connections.ShouldBeEmpty();
    }

    [Fact]
    public async Task Disconnect_OtherTeamsConnection_IsNotFoundAndStaysConnected()
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Taipei);
        var connection = (await driver.OverviewAsync(admin)).Connections.Single();
        var other = await driver.CallerAsync("admin@other.local");

        var outcome = await driver.DisconnectAsync(other, connection.Id);

        outcome.ShouldBe(DisconnectOutcome.NotFound);
        (await driver.OverviewAsync(admin)).Connections.Single().Status.ShouldBe(ConnectionStatus.Healthy);
        (await driver.Sandbox.SubscribedAppsAsync(Taipei)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Connect_OtherTeamsAuthorizedPage_IsNotInItsGrant()
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        var other = await driver.CallerAsync("admin@other.local");

        var result = (await driver.ConnectAsync(other, Taipei)).Single();

        result.Failure.ShouldBe(ConnectFailure.NotInGrant);
    }

    [Fact]
    public async Task Agent_SeesTheTeamsPagesButCannotConnectOrDisconnect()
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Taipei);
        var agent = await driver.CallerAsync("agent@demo.local");
        var connection = (await driver.OverviewAsync(agent)).Connections.Single();

        var connect = (await driver.ConnectAsync(agent, DemoWorld.ShopPageId(5))).Single();
        var disconnect = await driver.DisconnectAsync(agent, connection.Id);

        connect.Failure.ShouldBe(ConnectFailure.NotTeamAdmin);
        disconnect.ShouldBe(DisconnectOutcome.NotTeamAdmin);
        (await driver.OverviewAsync(admin)).Connections.Single().Status.ShouldBe(ConnectionStatus.Healthy);
    }
}
