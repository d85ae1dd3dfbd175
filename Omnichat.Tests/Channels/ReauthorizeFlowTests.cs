using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

public sealed class ReauthorizeFlowTests : FlowTest
{

    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private static readonly string Taichung = DemoWorld.ShopPageId(2);

    private async Task<string> PageTokenAsync(Guid connectionId)
    {
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        var stored = await db.PageConnections.SingleAsync(c => c.Id == connectionId);
        return Driver.Service<TokenProtector>().Unprotect(stored.ProtectedPageToken!);
    }

    private async Task<TokenDebugInfo> DebugAsync(string token)
    {
        var result = await Driver.Service<GraphClient>().DebugTokenAsync(token, CancellationToken.None);
        result.IsSuccess.ShouldBeTrue();
        return result.Value;
    }

    [Fact]
    public async Task Reauthorize_AfterPasswordChange_ReplacesTokenResubscribesAndKeepsTheConnection()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var connection = (await Driver.OverviewAsync(admin)).Connections.Single();
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        var oldToken = await PageTokenAsync(connection.Id);
        (await DebugAsync(oldToken)).Error.ShouldNotBeNull().Subcode.ShouldBe(460);
        await Driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");

        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all", OAuthPurpose.Reauthorize, connection.Id);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Reauthorized);
        outcome.PageName.ShouldBe(connection.PageName);
        var newToken = await PageTokenAsync(connection.Id);
        newToken.ShouldNotBe(oldToken);
        (await DebugAsync(newToken)).IsValid.ShouldBeTrue();
        (await Driver.Sandbox.SubscribedAppsAsync(Taipei)).ShouldNotBeEmpty();
        var after = (await Driver.OverviewAsync(admin)).Connections.Single();
        after.Id.ShouldBe(connection.Id);
        after.Status.ShouldBe(ConnectionStatus.Healthy);
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        (await db.ConnectionEvents.AnyAsync(e => e.ConnectionId == connection.Id && e.Kind == ConnectionEventKind.Reauthorized && e.ActorName == admin.DisplayName))
            .ShouldBeTrue();
    }

    [Fact]
    public async Task Reauthorize_DialogOpensWithRerequest()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var connection = (await Driver.OverviewAsync(admin)).Connections.Single();

        var dialog = await Driver.BeginAsync(admin, OAuthPurpose.Reauthorize, connection.Id);

        dialog["auth_type"].ShouldBe("rerequest");
        dialog["redirect_uri"].ShouldBe(Driver.RedirectUri);
    }

    [Fact]
    public async Task Reauthorize_ConsentWithoutThatPage_ChangesNothingAndSaysWhichPage()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var connection = (await Driver.OverviewAsync(admin)).Connections.Single();
        var tokenBefore = await PageTokenAsync(connection.Id);

        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, new[] { Taichung }, OAuthPurpose.Reauthorize, connection.Id);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.PageNotCovered);
        outcome.PageName.ShouldBe(connection.PageName);
        (await PageTokenAsync(connection.Id)).ShouldBe(tokenBefore);
        (await Driver.OverviewAsync(admin)).AuthorizedPages.Single(p => p.PageId == Taipei).Availability.ShouldBe(PageAvailability.ConnectedByThisTeam);
    }

    [Fact]
    public async Task Consent_NewConsentNoLongerCoversAConnectedPage_WarnsKeepsTheConnection_AndItFailsAtOnce()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);

        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, new[] { Taichung }, OAuthPurpose.EditSettings);

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Authorized);
        outcome.Uncovered.ShouldBe([(await Driver.OverviewAsync(admin)).Connections.Single().PageName]);
        var overview = await Driver.OverviewAsync(admin);
        var connection = overview.Connections.Single();
        (connection.Status, connection.Cause).ShouldBe((ConnectionStatus.MissingPermission, FailureCause.PageNotGranted),
            "Meta ends the page token once the page is no longer granted");
        connection.NotCoveredByConsent.ShouldBeTrue();
        overview.AuthorizedPages.Single(p => p.PageId == DemoWorld.ShopPageId(3)).Availability.ShouldBe(PageAvailability.PageNotGranted);
    }

    [Fact]
    public async Task EditSettings_GrantsAPageLeftOutBefore_MakesItConnectable()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, new[] { Taichung });
        (await Driver.ConnectAsync(admin, Taipei)).Single().Failure.ShouldBe(ConnectFailure.NotInGrant);

        var dialog = await Driver.BeginAsync(admin, OAuthPurpose.EditSettings);
        dialog["auth_type"].ShouldBe("rerequest");
        var outcome = await Driver.CompleteAsync(admin, await Driver.AuthorizeAsync(dialog, DemoWorld.DanaId, new[] { Taichung, Taipei }));

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Authorized);
        (await Driver.ConnectAsync(admin, Taipei)).Single().Succeeded.ShouldBeTrue();
    }
}
