using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>Consent, connect and disconnect through the real services, against the sandbox over HTTP, on a real SQLite file.</summary>
public sealed class ConnectFlowTests : FlowTest
{

    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private static readonly string Taichung = DemoWorld.ShopPageId(2);

    [Fact]
    public async Task Consent_AllPages_ListsPagesAndGreysOutTheOneWithoutAdminRole()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");

        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Authorized);
        outcome.FacebookUserName.ShouldBe("Dana Chen");
        var overview = await Driver.OverviewAsync(admin);
        overview.FacebookUserNames.ShouldBe(["Dana Chen"]);
        overview.AuthorizedPages.Count.ShouldBe(33, "31 shops, the partner page and the business page, across several me/accounts pages");
        overview.AuthorizedPages.Single(p => p.PageId == DemoWorld.PartnerPageId).Availability.ShouldBe(PageAvailability.NotPageAdmin);
        overview.AuthorizedPages.Single(p => p.PageId == DemoWorld.TradingPageId).Availability.ShouldBe(PageAvailability.Available);
        overview.AuthorizedPages.Count(p => p.CanConnect).ShouldBe(32);
    }

    [Fact]
    public async Task Consent_WithoutBusinesses_LeavesTheBusinessPageOut()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");

        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all", businesses: Array.Empty<string>(), declinedScopes: ["business_management"]);

        var overview = await Driver.OverviewAsync(admin);
        overview.AuthorizedPages.ShouldNotContain(p => p.PageId == DemoWorld.TradingPageId);
    }

    [Fact]
    public async Task Consent_MessagingDeclined_GreysOutEveryPageWithTheMissingPermission()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");

        await Driver.ConsentAsync(admin, DemoWorld.DanaId, new[] { Taipei, Taichung }, declinedScopes: ["pages_messaging"]);

        var overview = await Driver.OverviewAsync(admin);
        var taipei = overview.AuthorizedPages.Single(p => p.PageId == Taipei);
        taipei.Availability.ShouldBe(PageAvailability.PermissionMissing);
        taipei.MissingScopes.ShouldContain("pages_messaging");
        var results = await Driver.ConnectAsync(admin, Taipei);
        results.Single().Failure.ShouldBe(ConnectFailure.PermissionMissing);
    }

    [Fact]
    public async Task Connect_TwoPages_SubscribesBothAndRecordsWhoConnected()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");

        var results = await Driver.ConnectAsync(admin, Taipei, Taichung);

        results.ShouldAllBe(r => r.Succeeded);
        var appId = Driver.Service<Microsoft.Extensions.Options.IOptions<FacebookOptions>>().Value.AppId;
        (await Driver.Sandbox.SubscribedAppsAsync(Taipei)).ShouldBe([appId]);
        (await Driver.Sandbox.SubscribedAppsAsync(Taichung)).ShouldBe([appId]);
        var overview = await Driver.OverviewAsync(admin);
        overview.Connections.Select(c => c.PageId).ShouldBe([Taichung, Taipei], ignoreOrder: true);
        overview.Connections.ShouldAllBe(c => c.Status == ConnectionStatus.Healthy && c.ConnectedByName == admin.DisplayName && c.FacebookUserName == "Dana Chen");
        overview.AuthorizedPages.Single(p => p.PageId == Taipei).Availability.ShouldBe(PageAvailability.ConnectedByThisTeam);
    }

    [Fact]
    public async Task Connect_NewConnection_StatusChangedAtIsWhenItWasConnected()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");

        await Driver.ConnectAsync(admin, Taipei);

        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        var connection = await db.PageConnections.SingleAsync(c => c.PageId == Taipei);
        connection.StatusChangedAt.ShouldBe(connection.ConnectedAt);
        connection.StatusChangedAt.ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Fact]
    public async Task Connect_NewPage_IsCheckedAtOnce_AndOnlyTheNewOne()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var taipeiChecked = (await ConnectionAsync(Taipei)).LastCheckedAt;

        var results = await Driver.ConnectAsync(admin, Taichung);

        // Not "尚未檢查" until the next hourly run: the page shows what Facebook says of it as soon as it is connected.
        taipeiChecked.ShouldNotBeNull();
        var taichung = await ConnectionAsync(Taichung);
        results.Single().ConnectionId.ShouldBe(taichung.Id);
        taichung.LastCheckedAt.ShouldNotBeNull();
        (await ConnectionAsync(Taipei)).LastCheckedAt.ShouldBe(taipeiChecked, "connecting one page does not re-check the others");
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        (await db.ConnectionChecks.Where(c => c.ConnectionId == taichung.Id).Select(c => c.Outcome).ToListAsync())
            .ShouldBe([Omnichat.Core.Health.CheckOutcome.Passed]);
    }

    private async Task<PageConnection> ConnectionAsync(string pageId)
    {
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        return await db.PageConnections.SingleAsync(c => c.PageId == pageId);
    }

    [Fact]
    public async Task Connect_OnePageFails_OthersStillConnectAndTheFailureSaysWhy()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");

        var results = await Driver.ConnectAsync(admin, Taipei, DemoWorld.PartnerPageId, "999999999", Taichung);

        results.Single(r => r.PageId == DemoWorld.PartnerPageId).Failure.ShouldBe(ConnectFailure.NotPageAdmin);
        results.Single(r => r.PageId == "999999999").Failure.ShouldBe(ConnectFailure.NotInGrant);
        results.Where(r => r.Succeeded).Select(r => r.PageId).ShouldBe([Taipei, Taichung]);
        (await Driver.Sandbox.SubscribedAppsAsync(DemoWorld.PartnerPageId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Connect_SubscriptionRefusedByFacebook_ReportsTheGraphErrorAndStoresNothing()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.Sandbox.PutAsync($"pages/{Taipei}/roles/{DemoWorld.DanaId}", new { tasks = new[] { "MODERATE", "MESSAGING" } });

        var result = (await Driver.ConnectAsync(admin, Taipei)).Single();

        result.Failure.ShouldBe(ConnectFailure.SubscribeFailed);
        result.Error.ShouldNotBeNull().Code.ShouldBe(190);
        result.Error.Subcode.ShouldBe(492);
        (await Driver.OverviewAsync(admin)).Connections.ShouldBeEmpty();
    }

    [Fact]
    public async Task Connect_PageAlreadyConnectedByAnotherTeam_IsGreyedAndRefused()
    {
        var otherAdmin = await Driver.CallerAsync("admin@other.local");
        await Driver.ConsentAsync(otherAdmin, DemoWorld.SamId, "all");
        (await Driver.ConnectAsync(otherAdmin, DemoWorld.SharedPageId)).Single().Succeeded.ShouldBeTrue();
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");

        var overview = await Driver.OverviewAsync(admin);
        var result = (await Driver.ConnectAsync(admin, DemoWorld.SharedPageId)).Single();

        overview.AuthorizedPages.Single(p => p.PageId == DemoWorld.SharedPageId).Availability.ShouldBe(PageAvailability.ConnectedByAnotherTeam);
        result.Failure.ShouldBe(ConnectFailure.ConnectedByAnotherTeam);
    }

    [Fact]
    public async Task Disconnect_ConnectedPage_UnsubscribesKeepsHistoryAndRecordsWho()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var connection = (await Driver.OverviewAsync(admin)).Connections.Single();

        var outcome = await Driver.DisconnectAsync(admin, connection.Id);

        outcome.ShouldBe(DisconnectOutcome.Disconnected);
        (await Driver.Sandbox.SubscribedAppsAsync(Taipei)).ShouldBeEmpty();
        (await Driver.OverviewAsync(admin)).Connections.ShouldBeEmpty();
        await using var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        var stored = await db.PageConnections.SingleAsync(c => c.Id == connection.Id);
        stored.Status.ShouldBe(ConnectionStatus.Disconnected);
        stored.DisconnectedByName.ShouldBe(admin.DisplayName);
        stored.ProtectedPageToken.ShouldBeNull();
        var kinds = await db.ConnectionEvents.Where(e => e.ConnectionId == connection.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync();
        kinds.ShouldContain(ConnectionEventKind.Connected);
        kinds.Last().ShouldBe(ConnectionEventKind.Disconnected);
    }

    [Fact]
    public async Task Reconnect_AfterDisconnect_ReusesTheConnectionSoHistoryStaysTogether()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var first = (await Driver.OverviewAsync(admin)).Connections.Single();
        await Driver.DisconnectAsync(admin, first.Id);

        // The help page's way to reauthorize: disconnect, connect Facebook again, tick the page, connect.
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        var result = (await Driver.ConnectAsync(admin, Taipei)).Single();

        result.Succeeded.ShouldBeTrue();
        var again = (await Driver.OverviewAsync(admin)).Connections.Single();
        again.Id.ShouldBe(first.Id);
        again.Status.ShouldBe(ConnectionStatus.Healthy);
        (await Driver.Sandbox.SubscribedAppsAsync(Taipei)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ConnectedPage_TokenInDatabaseAndLogs_IsNeverInClear()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        string pageToken;
        await using (var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            pageToken = Driver.Service<TokenProtector>().Unprotect((await db.PageConnections.SingleAsync()).ProtectedPageToken!);
        }
        pageToken.ShouldStartWith("EAA");

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Server.DataFolder, "omnichat.db*"))
        {
            var bytes = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file));
            TokenText.FindToken(bytes).ShouldBeNull(file);
            bytes.ShouldNotContain(pageToken[3..30], Case.Sensitive);
        }
        Server.Logs.Lines.ShouldNotContain(line => TokenText.ContainsToken(line));
    }

    [Fact]
    public async Task Restart_SameDatabase_StoredTokensStillDecrypt()
    {
        var admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        await Driver.ConnectAsync(admin, Taipei);
        var copy = Path.Combine(Directory.CreateTempSubdirectory("omnichat-restart-").FullName, "omnichat.db");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var db = await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            // Fold the write-ahead log into the file so the copy holds everything a restart would read.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        File.Copy(Server.DatabasePath, copy);

        // Data Protection keys live in the database, so a new process (new key ring in memory) reads old tokens.
        await using var restarted = await ConsoleServer.StartAsync(s => s.With("ConnectionStrings:Omnichat", $"Data Source={copy}"));
        await using var db2 = await restarted.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        (await db2.DataProtectionKeys.CountAsync()).ShouldBeGreaterThan(0);
        var stored = await db2.PageConnections.SingleAsync();
        restarted.Services.GetRequiredService<TokenProtector>().Unprotect(stored.ProtectedPageToken!).ShouldStartWith("EAA");
    }
}
