using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

public sealed class ReauthorizeFlowTests : IAsyncLifetime
{
    private ConsoleServer server = default!;
    private ConsentDriver driver = default!;

    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private static readonly string Taichung = DemoWorld.ShopPageId(2);

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

    private async Task<string> PageTokenAsync(Guid connectionId)
    {
        await using var db = await driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        var stored = await db.PageConnections.SingleAsync(c => c.Id == connectionId);
        return driver.Service<TokenProtector>().Unprotect(stored.ProtectedPageToken!);
    }

    private async Task<TokenDebugInfo> DebugAsync(string token)
    {
        var result = await driver.Service<GraphClient>().DebugTokenAsync(token, CancellationToken.None);
        result.IsSuccess.ShouldBeTrue();
        return result.Value;
    }

    [Fact]
    public async Task Reauthorize_AfterPasswordChange_ReplacesTokenResubscribesAndKeepsTheConnection()
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Taipei);
        var connection = (await driver.OverviewAsync(admin)).Connections.Single();
        await driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        var oldToken = await PageTokenAsync(connection.Id);
        (await DebugAsync(oldToken)).Error.ShouldNotBeNull().Subcode.ShouldBe(460);
        await driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");

        var outcome = await driver.ConsentAsync(admin, DemoWorld.DanaId, "all", OAuthPurpose.Reauthorize, connection.Id);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Reauthorized);
        outcome.PageName.ShouldBe(connection.PageName);
        var newToken = await PageTokenAsync(connection.Id);
        newToken.ShouldNotBe(oldToken);
        (await DebugAsync(newToken)).IsValid.ShouldBeTrue();
        (await driver.Sandbox.SubscribedAppsAsync(Taipei)).ShouldNotBeEmpty();
        var after = (await driver.OverviewAsync(admin)).Connections.Single();
        after.Id.ShouldBe(connection.Id);
        after.Status.ShouldBe(ConnectionStatus.Healthy);
        await using var db = await driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        (await db.ConnectionEvents.AnyAsync(e => e.ConnectionId == connection.Id && e.Kind == ConnectionEventKind.Reauthorized && e.ActorName == admin.DisplayName))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task Reauthorize_DialogOpensWithRerequest()
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Taipei);
        var connection = (await driver.OverviewAsync(admin)).Connections.Single();

        var dialog = await driver.BeginAsync(admin, OAuthPurpose.Reauthorize, connection.Id);

        dialog["auth_type"].ShouldBe("rerequest");
        dialog["redirect_uri"].ShouldBe(driver.RedirectUri);
    }

    [Fact]
    public async Task Reauthorize_ConsentWithoutThatPage_ChangesNothingAndSaysWhichPage()
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Taipei);
        var connection = (await driver.OverviewAsync(admin)).Connections.Single();
        var tokenBefore = await PageTokenAsync(connection.Id);

        var outcome = await driver.ConsentAsync(admin, DemoWorld.DanaId, new[] { Taichung }, OAuthPurpose.Reauthorize, connection.Id);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.PageNotCovered);
        outcome.PageName.ShouldBe(connection.PageName);
        (await PageTokenAsync(connection.Id)).ShouldBe(tokenBefore);
        (await driver.OverviewAsync(admin)).AuthorizedPages.Single(p => p.PageId == Taipei).Availability.ShouldBe(PageAvailability.ConnectedByThisTeam);
    }

    [Fact]
    public async Task Consent_NewConsentNoLongerCoversAConnectedPage_WarnsAndKeepsTheConnection()
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await driver.ConnectAsync(admin, Taipei);

        var outcome = await driver.ConsentAsync(admin, DemoWorld.DanaId, new[] { Taichung }, OAuthPurpose.EditSettings);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Authorized);
        outcome.Uncovered.ShouldBe([(await driver.OverviewAsync(admin)).Connections.Single().PageName]);
        var overview = await driver.OverviewAsync(admin);
        var connection = overview.Connections.Single();
        connection.Status.ShouldBe(ConnectionStatus.Healthy);
        connection.NotCoveredByConsent.ShouldBeTrue();
        overview.AuthorizedPages.Single(p => p.PageId == DemoWorld.ShopPageId(3)).Availability.ShouldBe(PageAvailability.PageNotGranted);
    }

    [Fact]
    public async Task EditSettings_GrantsAPageLeftOutBefore_MakesItConnectable()
    {
        var admin = await driver.CallerAsync("admin@demo.local");
        await driver.ConsentAsync(admin, DemoWorld.DanaId, new[] { Taichung });
        (await driver.ConnectAsync(admin, Taipei)).Single().Failure.ShouldBe(ConnectFailure.NotInGrant);

        var dialog = await driver.BeginAsync(admin, OAuthPurpose.EditSettings);
        dialog["auth_type"].ShouldBe("rerequest");
        var outcome = await driver.CompleteAsync(admin, await driver.AuthorizeAsync(dialog, DemoWorld.DanaId, new[] { Taichung, Taipei }));

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Authorized);
        (await driver.ConnectAsync(admin, Taipei)).Single().Succeeded.ShouldBeTrue();
    }
}
