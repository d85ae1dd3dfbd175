using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Integrations;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>
/// Issue 16 point 6 over HTTP with the sandbox: Dana Chen connects two shop pages with her own authorization, then
/// authorizes as the system user of her business Demo Trading Co. (以企業系統使用者授權). No person's token killer ends
/// that authorization; only the business removing the app does.
/// </summary>
public sealed class SystemUserAuthorizationTests : FlowTest
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private static readonly string Taichung = DemoWorld.ShopPageId(2);
    private static readonly string Kaohsiung = DemoWorld.ShopPageId(3);
    private static readonly string SystemUserId = DemoWorld.SystemUserIdOf(DemoWorld.TradingBusinessId);
    private Caller admin = default!;
    private ConsentOutcome systemUserConsent = default!;

    protected override async Task ArrangeAsync()
    {
        admin = await Driver.CallerAsync(DemoAccounts.Admin.Email);
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(admin, Taipei, Taichung)).ShouldAllBe(r => r.Succeeded);
        systemUserConsent = await Driver.SystemUserConsentAsync(admin, DemoWorld.DanaId, DemoWorld.TradingBusinessId, new[] { Taipei, Taichung, Kaohsiung });
    }

    [Fact]
    public async Task SystemUserConsent_TakesOverTheConnectedPages_PeopleStayAsBackups_AndConnectingPrefersIt()
    {
        systemUserConsent.Kind.ShouldBe(ConsentOutcomeKind.Authorized);
        await using var db = await Driver.DbAsync();
        var grant = await db.FacebookGrants.AsNoTracking().SingleAsync(g => g.FacebookUserId == SystemUserId);
        (grant.Kind, grant.ClientBusinessId, grant.UserTokenExpiresAt).ShouldBe((GrantKind.SystemUser, DemoWorld.TradingBusinessId, (DateTimeOffset?)null));
        (await db.PageConnections.AsNoTracking().ToListAsync()).ShouldAllBe(c => c.GrantId == grant.Id && c.Status == ConnectionStatus.Healthy);
        (await db.ConnectionEvents.CountAsync(e => e.Kind == ConnectionEventKind.Reauthorized || e.Kind == ConnectionEventKind.Disconnected)).ShouldBe(0,
            "nothing is reconnected or re-subscribed");

        (await Driver.ConnectAsync(admin, Kaohsiung)).ShouldAllBe(r => r.Succeeded);
        (await db.PageConnections.AsNoTracking().SingleAsync(c => c.PageId == Kaohsiung)).GrantId.ShouldBe(grant.Id,
            "connecting picks the system user's authorization over Dana's");

        var shown = (await Driver.OverviewAsync(admin)).Connections.Single(c => c.PageId == Taipei).AuthorizationList;
        shown.Select(a => (a.IsSystemUser, a.InUse, a.Works)).ShouldBe([(true, true, true), (false, false, true)]);
        shown[1].PersonName.ShouldBe("Dana Chen");
    }

    [Theory]
    [InlineData("password-change")]
    [InlineData("two-factor")]
    [InlineData("checkpoint")]
    [InlineData("role-removal")]
    [InlineData("remove-app")]
    public async Task SystemUserAuthorization_SurvivesEveryPersonalTokenKiller_NoEpisodeNoEmail(string killer)
    {
        if (killer == "role-removal")
        {
            await Driver.Sandbox.PutAsync($"pages/{Taipei}/roles/{DemoWorld.DanaId}", new { tasks = Array.Empty<string>() });
        }
        else
        {
            await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/{killer}");
        }

        var summary = await Driver.CheckAllAsync();

        (summary.Failed, summary.FailedOver, summary.EpisodesStarted).ShouldBe((0, 0, 0));
        await using var db = await Driver.DbAsync();
        (await db.PageConnections.AsNoTracking().ToListAsync())
            .ShouldAllBe(c => c.Status == ConnectionStatus.Healthy && c.FacebookUserId == SystemUserId);
        (await db.FailureEpisodes.CountAsync()).ShouldBe(0);
        (await EmailsAsync()).ShouldBeEmpty();
        var danas = await db.AuthorizedPages.AsNoTracking().SingleAsync(p => p.PageId == Taipei && p.Grant!.FacebookUserId == DemoWorld.DanaId);
        danas.InvalidSince.ShouldNotBeNull("the check still finds Dana's own token ended: her backup is gone");
    }

    [Fact]
    public async Task BusinessRemovesTheApp_WithNoPersonLeft_ThePagesFail_InClearWords_WithOneEmail()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await Driver.CheckAllAsync();
        (await EmailsAsync()).ShouldBeEmpty();

        await Driver.Sandbox.PostAsync($"businesses/{DemoWorld.TradingBusinessId}/remove-app");
        await Driver.CheckAllAsync();
        await Driver.CheckAllAsync();

        await using var db = await Driver.DbAsync();
        var live = await db.PageConnections.AsNoTracking().ToListAsync();
        live.ShouldAllBe(c => c.Status == ConnectionStatus.NeedsReauthorization && c.Cause == FailureCause.BusinessAppRemoved);
        (await db.FailureEpisodes.CountAsync()).ShouldBe(live.Count);
        var email = (await EmailsAsync()).ShouldHaveSingleItem();
        OutboxPayloadJson.DeserializeConnectionFailure(email.Payload).Pages.ShouldAllBe(p => p.Cause == FailureCause.BusinessAppRemoved);
        ConnectionWords.For(new System.Globalization.CultureInfo("zh-TW")).Cause(FailureCause.BusinessAppRemoved)
            .ShouldContain("企業已在 Facebook 企業設定的「整合 > 已連結的應用程式」中移除 Omnichat");
        var banner = await Driver.Service<ChannelOverviewService>().GetFailingAsync(admin, CancellationToken.None);
        banner.ShouldAllBe(f => f.Cause == FailureCause.BusinessAppRemoved);
    }

    [Fact]
    public async Task BusinessRemovesTheApp_WhileDanasTokenWorks_ThePagesMoveBackToHers()
    {
        await Driver.Sandbox.PostAsync($"businesses/{DemoWorld.TradingBusinessId}/remove-app");

        var summary = await Driver.CheckAllAsync();

        summary.EpisodesStarted.ShouldBe(0);
        await using var db = await Driver.DbAsync();
        (await db.PageConnections.AsNoTracking().ToListAsync())
            .ShouldAllBe(c => c.Status == ConnectionStatus.Healthy && c.FacebookUserId == DemoWorld.DanaId);
        var connection = await db.PageConnections.AsNoTracking().SingleAsync(c => c.PageId == Taipei);
        var timeline = await Driver.Service<IntegrationStatusService>().GetTimelineAsync(admin, connection.Id, null, 50, false, CancellationToken.None);
        timeline!.Entries.Single(e => e.Kind == TimelineKind.FailedOver).Detail
            .ShouldBe("Demo Trading Co. 系統使用者 的授權已失效（企業已移除 Omnichat），改用 Dana Chen 的授權");
        (await EmailsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task PersonsTokenInUseEnds_FailoverPrefersTheSystemUser_OverAnotherPersonsNewerToken()
    {
        // Dana reauthorizes Taipei with her own account, so it runs on her token again; Kevin then adds his backup.
        (await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all", OAuthPurpose.Reauthorize, await Driver.ConnectionIdAsync(Taipei))).Kind
            .ShouldBe(ConsentOutcomeKind.Reauthorized);
        await Driver.ConsentAsync(await Driver.CallerAsync(DemoAccounts.Admin2.Email), DemoWorld.KevinId, "all");
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");

        await Driver.CheckAllAsync();

        await using var db = await Driver.DbAsync();
        var taipei = await db.PageConnections.AsNoTracking().SingleAsync(c => c.PageId == Taipei);
        (taipei.Status, taipei.FacebookUserId).ShouldBe((ConnectionStatus.Healthy, SystemUserId),
            "Kevin's token is newer, but no person's password change ends the system user's");
    }

    private async Task<List<OutboxEmail>> EmailsAsync()
    {
        await using var db = await Driver.DbAsync();
        return await db.OutboxEmails.AsNoTracking().Where(e => e.Kind == EmailKind.ConnectionFailure).ToListAsync();
    }
}
