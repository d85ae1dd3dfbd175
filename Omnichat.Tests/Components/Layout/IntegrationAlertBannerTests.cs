using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Components.Layout;
using Omnichat.Console.Localization;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components.Layout;

public sealed class IntegrationAlertBannerTests : ComponentTestBase
{
    private async Task<PageConnection> StoreAsync(ConnectionStatus status, FailureCause cause, string name = "Demo Shop 台北店")
    {
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        if (!await db.Teams.AnyAsync(t => t.Id == TestCallers.DemoShopId))
        {
            db.Teams.Add(new Team { Id = TestCallers.DemoShopId, Name = TestCallers.DemoShop });
        }
        var connection = new PageConnection
        {
            TeamId = TestCallers.DemoShopId,
            PageId = Guid.NewGuid().ToString("N")[..15],
            PageName = name,
            ConnectedByName = TestCallers.TeamAdmin.DisplayName,
            Status = status,
            Cause = cause,
            StatusChangedAt = DateTimeOffset.Parse("2026-11-30T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        };
        db.PageConnections.Add(connection);
        await db.SaveChangesAsync();
        return connection;
    }

    private async Task BreakAsync(Guid connectionId)
    {
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        var connection = await db.PageConnections.SingleAsync(c => c.Id == connectionId);
        await ConnectionStatusChange.ApplyAsync(db, connection, ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset,
            DateTimeOffset.UtcNow, "test", CancellationToken.None);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Render_AllHealthy_ShowsNothingOnceLoaded()
    {
        await StoreAsync(ConnectionStatus.Healthy, FailureCause.None);
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        // The banner first asks who is signed in; holding that answer back makes its load observable: it renders
        // once before (nothing known yet) and once when its data is loaded. Asserting after the first proves nothing.
        var signedIn = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cut = Render<IntegrationAlertBanner>(p => p.AddCascadingValue(signedIn.Task));
        cut.RenderCount.ShouldBe(1);

        signedIn.SetResult(await Context.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync());

        cut.WaitForState(() => cut.RenderCount == 2);
        cut.FindAll("[data-testid=integration-alert]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_PasswordChanged_NamesThePageTheCauseAndOffersReauthorize()
    {
        var broken = await StoreAsync(ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset);
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<IntegrationAlertBanner>();

        var row = cut.WaitForElement("[data-testid=integration-alert-page]");
        row.TextContent.ShouldContain("Demo Shop 台北店");
        row.TextContent.ShouldContain("需要重新授權");
        row.TextContent.ShouldContain("更改了密碼");
        cut.Find("[data-testid=alert-reauthorize]").GetAttribute("href").ShouldBe($"facebook/oauth/start?purpose=Reauthorize&connectionId={broken.Id}");
    }

    [Fact]
    public async Task Render_MissingPermission_OffersEditSettings()
    {
        await StoreAsync(ConnectionStatus.MissingPermission, FailureCause.PageNotGranted);
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<IntegrationAlertBanner>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=alert-reauthorize]").TextContent.Trim().ShouldBe("編輯設定"));
    }

    [Fact]
    public async Task Render_NotMessengerReceiver_ShowsTheStepsForOldAndNewPages()
    {
        await StoreAsync(ConnectionStatus.NotMessengerReceiver, FailureCause.NotMessengerReceiver);
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<IntegrationAlertBanner>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=integration-alert]").TextContent.ShouldContain("舊版粉絲專頁"));
        cut.Find("[data-testid=integration-alert]").TextContent.ShouldContain("新版粉絲專頁");
        cut.FindAll("[data-testid=alert-reauthorize]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_Agent_IsToldToAskAnAdmin()
    {
        await StoreAsync(ConnectionStatus.NotPageAdmin, FailureCause.PageRoleLost);
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);

        var cut = Render<IntegrationAlertBanner>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=integration-alert]").TextContent.ShouldContain("請聯繫團隊管理員處理"));
        cut.Find("[data-testid=alert-ask]").TextContent.ShouldBe("請聯繫串接此專頁的團隊管理員 王小明 (Demo admin)（或其他團隊管理員）處理。");
        cut.FindAll("[data-testid=alert-reauthorize]").ShouldBeEmpty();
    }

    [Fact]
    public async Task StatusChangesWhileOpen_BannerAppearsAndGoesWithoutReload()
    {
        var connection = await StoreAsync(ConnectionStatus.Healthy, FailureCause.None);
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);
        var cut = Render<IntegrationAlertBanner>();
        var notifier = Context.Services.GetRequiredService<ChannelChangeNotifier>();

        await BreakAsync(connection.Id);
        await notifier.NotifyAsync(TestCallers.DemoShopId);
        cut.WaitForAssertion(() => cut.Find("[data-testid=integration-alert]").TextContent.ShouldContain("Demo Shop 台北店"));

        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            var stored = await db.PageConnections.SingleAsync(c => c.Id == connection.Id);
            await ConnectionStatusChange.ApplyAsync(db, stored, ConnectionStatus.Healthy, FailureCause.None, DateTimeOffset.UtcNow, "test", CancellationToken.None);
            await db.SaveChangesAsync();
        }
        await notifier.NotifyAsync(TestCallers.DemoShopId);
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=integration-alert]").ShouldBeEmpty());
    }

    /// <summary>A healthy connection running on Kevin's token, with Dana's authorization of the page ended.</summary>
    private async Task StoreFailedOverAsync()
    {
        await using var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        db.Teams.Add(new Team { Id = TestCallers.DemoShopId, Name = TestCallers.DemoShop });
        var dana = new FacebookGrant { TeamId = TestCallers.DemoShopId, FacebookUserId = "1", FacebookUserName = "Dana Chen", ProtectedUserToken = "x" };
        var kevin = new FacebookGrant { TeamId = TestCallers.DemoShopId, FacebookUserId = "2", FacebookUserName = "Kevin Wu", ProtectedUserToken = "x" };
        db.FacebookGrants.AddRange(dana, kevin);
        var at = DateTimeOffset.Parse("2026-11-30T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (pageId, name) in new[] { ("p1", "Demo Shop 台北店"), ("p2", "Demo Shop 台中店") })
        {
            db.AuthorizedPages.Add(new AuthorizedPage
            {
                GrantId = dana.Id, TeamId = TestCallers.DemoShopId, PageId = pageId, Name = name, Tasks = "MANAGE", IsGranted = true,
                ProtectedPageToken = "x", InvalidSince = at, InvalidCause = FailureCause.PasswordChangedOrSecurityReset,
            });
            db.AuthorizedPages.Add(new AuthorizedPage
            {
                GrantId = kevin.Id, TeamId = TestCallers.DemoShopId, PageId = pageId, Name = name, Tasks = "MANAGE", IsGranted = true, ProtectedPageToken = "x",
            });
            db.PageConnections.Add(new PageConnection
            {
                TeamId = TestCallers.DemoShopId, PageId = pageId, PageName = name, GrantId = kevin.Id, FacebookUserName = "Kevin Wu",
                Status = ConnectionStatus.Healthy, StatusChangedAt = at,
            });
        }
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task FailedOver_AdminSeesTheYellowNotice_NamingWhoShouldAuthorizeAgain_AndNoRedBanner()
    {
        await StoreFailedOverAsync();
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<IntegrationAlertBanner>();

        var person = cut.WaitForElement("[data-testid=backup-notice-person]");
        person.TextContent.ShouldContain("Dana Chen 的授權已失效（密碼已變更，");
        person.TextContent.ShouldContain("2 個專頁已改用其他成員的授權，仍正常運作：Demo Shop 台中店、Demo Shop 台北店。");
        person.TextContent.ShouldContain("請 Dana Chen 以自己的 Facebook 帳號重新授權");
        cut.Find("[data-testid=backup-notice]").GetAttribute("class")!.ShouldContain("mud-alert-outlined-warning");
        cut.FindAll("[data-testid=integration-alert]").ShouldBeEmpty();
    }

    [Fact]
    public async Task NoBackupLeft_BannerNamesWhoseAuthorizationsEndedAndWhoCanFixIt()
    {
        await StoreFailedOverAsync();
        await using (var db = await Context.Services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            var at = DateTimeOffset.Parse("2026-12-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            await db.AuthorizedPages.Where(p => p.Grant!.FacebookUserName == "Kevin Wu").ExecuteUpdateAsync(s => s
                .SetProperty(p => p.InvalidSince, at).SetProperty(p => p.InvalidCause, FailureCause.SessionInvalidated));
            var taipei = await db.PageConnections.SingleAsync(c => c.PageId == "p1");
            await ConnectionStatusChange.ApplyAsync(db, taipei, ConnectionStatus.NeedsReauthorization, FailureCause.SessionInvalidated, at, "test", CancellationToken.None);
            await db.SaveChangesAsync();
        }
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<IntegrationAlertBanner>();

        cut.WaitForElement("[data-testid=alert-who]").TextContent
            .ShouldBe("已失效的授權：Dana Chen（密碼已變更）、Kevin Wu（登入已失效）。請 Dana Chen 或 Kevin Wu 以自己的 Facebook 帳號重新授權。");
    }

    [Fact]
    public async Task FailedOver_AgentSeesNoNotice()
    {
        await StoreFailedOverAsync();
        SignInAs(TestCallers.Agent, TestCallers.DemoShop);
        var signedIn = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        var cut = Render<IntegrationAlertBanner>(p => p.AddCascadingValue(signedIn.Task));

        signedIn.SetResult(await Context.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync());

        cut.WaitForState(() => cut.RenderCount == 2);
        cut.FindAll("[data-testid=backup-notice]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Render_English_SaysItInEnglish()
    {
        UseCulture(ConsoleCultures.English);
        await StoreAsync(ConnectionStatus.NeedsReauthorization, FailureCause.AppRemoved);
        SignInAs(TestCallers.TeamAdmin, TestCallers.DemoShop);

        var cut = Render<IntegrationAlertBanner>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=integration-alert]").TextContent.ShouldContain("Omnichat was removed"));
        cut.Find("[data-testid=alert-reauthorize]").TextContent.Trim().ShouldBe("Reauthorize");
    }
}
