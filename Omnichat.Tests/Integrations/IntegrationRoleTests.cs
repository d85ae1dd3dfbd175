using System.Net;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Health;
using Omnichat.Core.Integrations;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Integrations;

/// <summary>
/// The role rules of issue 5 against the running console: support reads every team and changes nothing; a team's
/// admin gets only their own team from the same endpoints and services.
/// </summary>
public sealed class IntegrationRoleTests : IAsyncLifetime
{
    private static readonly string DemoPage = DemoWorld.ShopPageId(2);
    private ConsoleServer server = default!;
    private ConsentDriver driver = default!;
    private ConnectionView demoConnection = default!;
    private ConnectionView otherConnection = default!;

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync();
        driver = new ConsentDriver(server);
        var admin = await driver.CallerAsync(DemoAccounts.Admin.Email);
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, DemoPage);
        demoConnection = (await driver.OverviewAsync(admin)).Connections.Single();
        var other = await driver.CallerAsync(DemoAccounts.OtherAdmin.Email);
        await driver.ConsentAsync(other, DemoWorld.SamId, "all");
        await driver.ConnectAsync(other, DemoWorld.SamPage1Id);
        otherConnection = (await driver.OverviewAsync(other)).Connections.Single();
    }

    public async Task DisposeAsync()
    {
        driver.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Export_Support_ListsEveryTeamsConnections()
    {
        using var support = await server.SignInAsync(DemoAccounts.Support.Email);

        using var response = await support.GetAsync("support/integrations/export.csv?sort=Page");
        var csv = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        csv.ShouldContain(demoConnection.PageName);
        csv.ShouldContain(otherConnection.PageName);
        csv.ShouldContain($",{DemoPage},");
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(3);
    }

    [Fact]
    public async Task Export_FiltersOfTheAddress_AreApplied()
    {
        using var support = await server.SignInAsync(DemoAccounts.Support.Email);

        var csv = await support.GetStringAsync($"support/integrations/export.csv?q={DemoWorld.SamPage1Id}");

        csv.ShouldContain(otherConnection.PageName);
        csv.ShouldNotContain(demoConnection.PageName);
    }

    [Theory]
    [InlineData("support/integrations/export.csv")]
    [InlineData("support/integrations")]
    public async Task SupportEndpoints_TeamAdmin_AreRefused(string path)
    {
        using var admin = await server.SignInAsync(DemoAccounts.Admin.Email);

        using var response = await admin.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("AccessDenied");
        body.ShouldNotContain(otherConnection.PageName);
    }

    [Fact]
    public async Task SupportDetail_Support_ShowsAnyTeamsConnection()
    {
        using var support = await server.SignInAsync(DemoAccounts.Support.Email);

        var html = await support.GetStringAsync($"support/integrations/{otherConnection.Id}");

        html.ShouldContain(otherConnection.PageName);
        html.ShouldContain(DemoAccounts.OtherShop);
    }

    [Fact]
    public async Task MemberDetail_TeamAdmin_OwnTeamOnly()
    {
        using var admin = await server.SignInAsync(DemoAccounts.Admin.Email);

        var own = await admin.GetStringAsync($"channels/facebook/connections/{demoConnection.Id}");
        var others = await admin.GetStringAsync($"channels/facebook/connections/{otherConnection.Id}");

        own.ShouldContain(demoConnection.PageName);
        others.ShouldContain("找不到此串接，或你沒有權限查看。");
        others.ShouldNotContain(otherConnection.PageName);
    }

    [Fact]
    public async Task Service_TeamAdmin_SameQueryAsSupport_GetsOnlyTheirTeam()
    {
        var service = driver.Service<IntegrationStatusService>();
        var admin = await driver.CallerAsync(DemoAccounts.Admin.Email);
        var support = await driver.CallerAsync(DemoAccounts.Support.Email);

        var forAdmin = await service.ListAsync(admin, new IntegrationQuery(), CancellationToken.None);
        var forSupport = await service.ListAsync(support, new IntegrationQuery(), CancellationToken.None);

        forAdmin.Rows.Select(r => r.ConnectionId).ShouldBe([demoConnection.Id]);
        forSupport.Rows.Select(r => r.ConnectionId).ShouldBe([demoConnection.Id, otherConnection.Id], ignoreOrder: true);
    }

    [Fact]
    public async Task Disconnect_Support_IsRefusedAndTheConnectionStays()
    {
        var support = await driver.CallerAsync(DemoAccounts.Support.Email);

        var outcome = await driver.DisconnectAsync(support, otherConnection.Id);

        outcome.ShouldBe(DisconnectOutcome.NotTeamAdmin);
        var other = await driver.CallerAsync(DemoAccounts.OtherAdmin.Email);
        (await driver.OverviewAsync(other)).Connections.Single().Status.ShouldBe(ConnectionStatus.Healthy);
        (await driver.Sandbox.SubscribedAppsAsync(DemoWorld.SamPage1Id)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task CheckTeam_SupportAnyTeam_AdminOnlyTheirOwn()
    {
        var checks = driver.Service<CheckNowService>();
        var support = await driver.CallerAsync(DemoAccounts.Support.Email);
        var admin = await driver.CallerAsync(DemoAccounts.Admin.Email);
        var otherTeamId = (await driver.CallerAsync(DemoAccounts.OtherAdmin.Email)).TeamId!.Value;

        var bySupport = await checks.CheckTeamAsync(support, otherTeamId, null, CancellationToken.None);
        var byAdmin = await checks.CheckTeamAsync(admin, otherTeamId, null, CancellationToken.None);

        bySupport.ShouldNotBeNull();
        bySupport.Checked.ShouldBe(1);
        bySupport.Passed.ShouldBe(1);
        byAdmin.ShouldBeNull();
    }
}
