using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Integrations;
using Omnichat.Core.Messaging;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Channels;

/// <summary>
/// Issue 16 over HTTP with the sandbox: Dana Chen (admin@demo.local) and Kevin Wu (admin2@demo.local) both authorize
/// Demo Shop; Kevin has full control of Dana's first three shop pages. One person's password change must not break a
/// page another person's token still runs.
/// </summary>
public sealed class BackupAuthorizationTests : FlowTest
{
    private static readonly string[] SharedPages = Enumerable.Range(1, DemoWorld.KevinPageCount).Select(DemoWorld.ShopPageId).ToArray();
    private static readonly string DanaOnlyPage = DemoWorld.ShopPageId(DemoWorld.KevinPageCount + 1);
    private const string Psid = "7400000000000001";
    private Caller admin = default!;
    private Caller admin2 = default!;
    private ConsentOutcome kevinsConsent = default!;

    protected override async Task ArrangeAsync()
    {
        admin = await Driver.CallerAsync(DemoAccounts.Admin.Email);
        admin2 = await Driver.CallerAsync(DemoAccounts.Admin2.Email);
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(admin, [.. SharedPages, DanaOnlyPage])).ShouldAllBe(r => r.Succeeded);
        kevinsConsent = await Driver.ConsentAsync(admin2, DemoWorld.KevinId, "all");
    }

    [Fact]
    public async Task SecondPersonsConsent_AddsBackups_AndChangesNothingConnected()
    {
        await using var db = await DbAsync();
        var connections = await db.PageConnections.AsNoTracking().ToListAsync();
        connections.ShouldAllBe(c => c.FacebookUserName == "Dana Chen" && c.Status == ConnectionStatus.Healthy);
        var kevins = await db.AuthorizedPages.AsNoTracking().Where(p => p.Grant!.FacebookUserId == DemoWorld.KevinId).ToListAsync();
        kevins.Select(p => p.PageId).ShouldBe(SharedPages, ignoreOrder: true);
        (await db.ConnectionEvents.CountAsync(e => e.Kind == ConnectionEventKind.Reauthorized || e.Kind == ConnectionEventKind.Disconnected)).ShouldBe(0);
        kevinsConsent.BackupPageCount.ShouldBe(SharedPages.Length, "the consent's result says the connected pages got a backup");
        var shown = (await Driver.OverviewAsync(admin)).Connections.Single(c => c.PageId == SharedPages[0]).AuthorizationList;
        shown.Select(a => (a.PersonName, a.InUse, a.Works)).ShouldBe([("Dana Chen", true, true), ("Kevin Wu", false, true)]);
    }

    [Fact]
    public async Task FirstPersonChangesPassword_SharedPagesRunOnTheBackup_TimelineSaysWho_OnlyTheUnbackedPageFails()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");

        var summary = await CheckAsync();

        (summary.Passed, summary.Failed, summary.FailedOver, summary.EpisodesStarted).ShouldBe((SharedPages.Length, 1, SharedPages.Length, 1),
            "the check's toast counts the pages that moved to a backup as working");
        await using var db = await DbAsync();
        var connections = await db.PageConnections.AsNoTracking().ToDictionaryAsync(c => c.PageId);
        foreach (var page in SharedPages)
        {
            connections[page].Status.ShouldBe(ConnectionStatus.Healthy, page);
            connections[page].FacebookUserId.ShouldBe(DemoWorld.KevinId, page);
        }
        connections[DanaOnlyPage].Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
        (await db.FailureEpisodes.AsNoTracking().Select(e => e.ConnectionId).ToListAsync()).ShouldBe([connections[DanaOnlyPage].Id]);
        var danas = await db.AuthorizedPages.AsNoTracking().Where(p => p.Grant!.FacebookUserId == DemoWorld.DanaId && SharedPages.Contains(p.PageId)).ToListAsync();
        danas.ShouldAllBe(p => p.InvalidSince != null && p.InvalidCause == FailureCause.PasswordChangedOrSecurityReset);

        var timeline = await Driver.Service<IntegrationStatusService>()
            .GetTimelineAsync(admin, connections[SharedPages[0]].Id, null, 50, false, CancellationToken.None);
        timeline!.Entries.Single(e => e.Kind == TimelineKind.FailedOver).Detail.ShouldBe("Dana Chen 的授權已失效（密碼已變更），改用 Kevin Wu 的授權");
        timeline.Entries.ShouldNotContain(e => e.Kind == TimelineKind.EpisodeStarted);

        // The one e-mail is the unbacked page's; the three pages that kept working are in none.
        var email = (await EmailsAsync()).ShouldHaveSingleItem();
        OutboxPayloadJson.DeserializeConnectionFailure(email.Payload).Pages.Select(p => p.PageId).ShouldBe([DanaOnlyPage]);
    }

    [Fact]
    public async Task BothPeopleChangePasswords_ThenTheSharedPagesFail_OneEpisodeEach_OneEmail()
    {
        await Driver.DisconnectAsync(admin, await ConnectionIdAsync(DanaOnlyPage));
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await CheckAsync();
        (await EmailsAsync()).ShouldBeEmpty("a valid backup was left: no failure, no reminder");

        await Driver.Sandbox.PostAsync($"users/{DemoWorld.KevinId}/password-change");
        await CheckAsync();
        await CheckAsync();

        await using var db = await DbAsync();
        var live = await db.PageConnections.AsNoTracking().Where(c => c.Status != ConnectionStatus.Disconnected).ToListAsync();
        live.ShouldAllBe(c => c.Status == ConnectionStatus.NeedsReauthorization);
        (await db.FailureEpisodes.AsNoTracking().GroupBy(e => e.ConnectionId).Select(g => g.Count()).ToListAsync()).ShouldBe([1, 1, 1]);
        var email = (await EmailsAsync()).ShouldHaveSingleItem();
        OutboxPayloadJson.DeserializeConnectionFailure(email.Payload).Pages.Select(p => p.PageId).ShouldBe(SharedPages, ignoreOrder: true);
        var page = OutboxPayloadJson.DeserializeConnectionFailure(email.Payload).Pages[0];
        Omnichat.Core.Notifications.EmailWords.For("zh-TW").WhoCanFix(page).ShouldBe(
            "已失效的授權：Dana Chen（密碼已變更）、Kevin Wu（密碼已變更）。請 Dana Chen 或 Kevin Wu 以自己的 Facebook 帳號重新授權。",
            "the e-mail names both people and who can fix it, like the banner");
        // The banner names both people, why each ended, and that either can fix it.
        var banner = await Driver.Service<ChannelOverviewService>().GetFailingAsync(admin, CancellationToken.None);
        banner.Count.ShouldBe(SharedPages.Length);
        banner.ShouldAllBe(f => f.PeopleList.Count == 2);
        banner[0].PeopleList.Select(p => (p.PersonName, p.Works, p.InvalidCause)).ShouldBe(
            [("Dana Chen", false, FailureCause.PasswordChangedOrSecurityReset), ("Kevin Wu", false, FailureCause.PasswordChangedOrSecurityReset)]);
    }

    [Fact]
    public async Task ReplyAfterThePasswordChange_FailsOverAndIsDelivered_WithNoCheckInBetween()
    {
        var taipei = SharedPages[0];
        await Driver.Sandbox.PostJsonAsync($"pages/{taipei}/customer-messages", new { psid = Psid, text = "請問有貨嗎？" });
        var conversationId = await EventuallyAsync(db => db.Conversations.Select(c => (Guid?)c.Id).SingleOrDefaultAsync());
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");

        var outcome = await Driver.Service<ReplyService>().SendAsync(admin, conversationId, "有的，歡迎光臨", CancellationToken.None);

        outcome.Kind.ShouldBe(ReplyOutcomeKind.Sent);
        var sent = (await Driver.Sandbox.StateAsync()).GetProperty("sentMessages").EnumerateArray().ShouldHaveSingleItem();
        sent.GetProperty("text").GetString().ShouldBe("有的，歡迎光臨");
        await using var db = await DbAsync();
        var connection = await db.PageConnections.AsNoTracking().SingleAsync(c => c.PageId == taipei);
        (connection.Status, connection.FacebookUserId).ShouldBe((ConnectionStatus.Healthy, DemoWorld.KevinId));
        (await db.Messages.AsNoTracking().SingleAsync(m => m.Id == outcome.MessageId)).Failure.ShouldBeNull();
        (await db.FailureEpisodes.CountAsync()).ShouldBe(0);
        (await db.OutboxEmails.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task FirstPersonRemovesTheApp_DeauthorizeCallbackFailsOverAtOnce()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/remove-app");

        await using var db = await DbAsync();
        await Eventually.TrueAsync(async () =>
        {
            await using var read = await DbAsync();
            return await read.PageConnections.AsNoTracking().CountAsync(c => c.FacebookUserId == DemoWorld.KevinId) == SharedPages.Length;
        }, TimeSpan.FromSeconds(30), "the deauthorize callback moves the shared pages to Kevin's authorization");
        var danaOnly = await db.PageConnections.AsNoTracking().SingleAsync(c => c.PageId == DanaOnlyPage);
        (danaOnly.Status, danaOnly.Cause).ShouldBe((ConnectionStatus.NeedsReauthorization, FailureCause.AppRemoved));
        (await db.PageConnections.AsNoTracking().CountAsync(c => c.Status == ConnectionStatus.Healthy)).ShouldBe(SharedPages.Length);
    }

    [Fact]
    public async Task BackupThatDiedUnnoticed_IsFoundByTheCheck_AndNotUsed()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.KevinId}/two-factor");
        await CheckAsync();

        await using (var db = await DbAsync())
        {
            (await db.AuthorizedPages.AsNoTracking().Where(p => p.Grant!.FacebookUserId == DemoWorld.KevinId).ToListAsync())
                .ShouldAllBe(p => p.InvalidCause == FailureCause.SessionInvalidated && p.InvalidSince != null);
            (await db.PageConnections.CountAsync(c => c.Status == ConnectionStatus.Healthy)).ShouldBe(SharedPages.Length + 1);
        }

        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await CheckAsync();

        await using var after = await DbAsync();
        (await after.PageConnections.AsNoTracking().CountAsync(c => c.Status == ConnectionStatus.NeedsReauthorization)).ShouldBe(SharedPages.Length + 1);
        (await after.ConnectionEvents.CountAsync(e => e.Kind == ConnectionEventKind.FailedOver)).ShouldBe(0);
    }

    [Fact]
    public async Task BothPeopleChangePasswords_ThenOneReauthorizesOnePage_EverySharedPageWorksAgain()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await CheckAsync();
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.KevinId}/password-change");
        await CheckAsync();

        // Dana reauthorizes her own page; the shared pages ran on Kevin's dead token, and her fresh one covers them.
        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all", OAuthPurpose.Reauthorize, await ConnectionIdAsync(DanaOnlyPage));

        outcome.Kind.ShouldBe(ConsentOutcomeKind.Reauthorized);
        outcome.RepairedPageCount.ShouldBe(SharedPages.Length);
        await using var db = await DbAsync();
        var live = await db.PageConnections.AsNoTracking().ToListAsync();
        live.ShouldAllBe(c => c.Status == ConnectionStatus.Healthy && c.FacebookUserId == DemoWorld.DanaId);
        (await db.FailureEpisodes.CountAsync(e => e.EndedAt == null)).ShouldBe(0);
        // Kevin's authorizations are still dead: the yellow notice asks him to authorize again.
        var notice = (await Driver.Service<ChannelOverviewService>().GetEndedAuthorizationsAsync(admin, CancellationToken.None)).ShouldHaveSingleItem();
        (notice.PersonName, notice.Cause).ShouldBe(("Kevin Wu", FailureCause.PasswordChangedOrSecurityReset));
        (await CheckAsync()).Failed.ShouldBe(0);
    }

    [Fact]
    public async Task ConsentLeavingOutASharedPage_MovesItToTheBackupAtOnce_AndSendsNoEmail()
    {
        var taipei = SharedPages[0];
        var outcome = await Driver.ConsentAsync(admin, DemoWorld.DanaId, new[] { SharedPages[1], SharedPages[2], DanaOnlyPage }, OAuthPurpose.EditSettings);

        await using var db = await DbAsync();
        var connection = await db.PageConnections.AsNoTracking().SingleAsync(c => c.PageId == taipei);
        outcome.MovedToBackup.ShouldBe([connection.PageName]);
        outcome.Uncovered.ShouldBeEmpty();
        (connection.Status, connection.FacebookUserId).ShouldBe((ConnectionStatus.Healthy, DemoWorld.KevinId));
        var timeline = await Driver.Service<IntegrationStatusService>().GetTimelineAsync(admin, connection.Id, null, 50, false, CancellationToken.None);
        timeline!.Entries.Single(e => e.Kind == TimelineKind.FailedOver).Detail.ShouldBe("Dana Chen 的授權已失效（未勾選此專頁），改用 Kevin Wu 的授權");
        (await EmailsAsync()).ShouldBeEmpty();
        (await db.FailureEpisodes.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task BackupLeavesASharedPageOut_HisAuthorizationOfItEnds_AndTheNoticeSaysSo()
    {
        await Driver.ConsentAsync(admin2, DemoWorld.KevinId, new[] { SharedPages[1], SharedPages[2] }, OAuthPurpose.EditSettings);

        await using var db = await DbAsync();
        var kevins = await db.AuthorizedPages.AsNoTracking().SingleAsync(p => p.PageId == SharedPages[0] && p.Grant!.FacebookUserId == DemoWorld.KevinId);
        kevins.InvalidCause.ShouldBe(FailureCause.PageNotGranted);
        (await db.PageConnections.CountAsync(c => c.Status == ConnectionStatus.Healthy && c.FacebookUserId == DemoWorld.DanaId)).ShouldBe(SharedPages.Length + 1,
            "nothing Dana runs changes");
        var notice = (await Driver.Service<ChannelOverviewService>().GetEndedAuthorizationsAsync(admin, CancellationToken.None)).ShouldHaveSingleItem();
        (notice.PersonName, notice.Cause, notice.PageNames.Count).ShouldBe(("Kevin Wu", FailureCause.PageNotGranted, 1));
    }

    private Task<CheckRunSummary> CheckAsync() => Driver.CheckAllAsync();

    private Task<OmnichatDbContext> DbAsync() => Driver.DbAsync();

    private Task<Guid> ConnectionIdAsync(string pageId) => Driver.ConnectionIdAsync(pageId);

    private async Task<T> EventuallyAsync<T>(Func<OmnichatDbContext, Task<T?>> read) where T : struct
    {
        T? value = null;
        await Eventually.TrueAsync(async () =>
        {
            await using var db = await DbAsync();
            value = await read(db);
            return value is not null;
        }, TimeSpan.FromSeconds(30), "the webhook arrives");
        return value!.Value;
    }

    private async Task<List<OutboxEmail>> EmailsAsync()
    {
        await using var db = await DbAsync();
        return await db.OutboxEmails.AsNoTracking().Where(e => e.Kind == EmailKind.ConnectionFailure).OrderBy(e => e.CreatedAt).ToListAsync();
    }
}
