using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;
using Omnichat.Core.Integrations;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Health;

/// <summary>
/// What a recorded check leaves behind for the people who look: the entries support reads in a connection's
/// history (check rows, status changes, repairs, with their texts), the connection's last error, the open pages
/// told to refresh, and the failure e-mail sent at once rather than at the outbox's next look.
/// </summary>
public sealed class CheckHistoryTests : FlowTest
{
    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private static readonly string Taichung = DemoWorld.ShopPageId(2);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly GraphError PasswordChanged = new(190, 460, "The session has been invalidated because the user changed their password.");
    private static readonly GraphError TokenExpired = new(190, 463, "Error validating access token: Session has expired.");

    private Caller admin = default!;
    private Caller support = default!;
    private Guid taipei;
    private Guid taichung;

    // The outbox looks for due e-mail only once an hour here, so an e-mail sent within seconds was sent because the
    // check woke it.
    protected override void Configure(ConsoleServer server) => server.With("Email:DispatchIntervalSeconds", "3600");

    protected override async Task ArrangeAsync()
    {
        admin = await Driver.CallerAsync("admin@demo.local");
        support = await Driver.CallerAsync(DemoAccounts.Support.Email);
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(admin, Taipei, Taichung)).ShouldAllBe(r => r.Succeeded);
        taipei = (await ConnectionAsync(Taipei)).Id;
        taichung = (await ConnectionAsync(Taichung)).Id;
    }

    private async Task<OmnichatDbContext> DbAsync() =>
        await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();

    private async Task<PageConnection> ConnectionAsync(string pageId)
    {
        await using var db = await DbAsync();
        return await db.PageConnections.SingleAsync(c => c.PageId == pageId);
    }

    private Task<RecordedResults> RecordAsync(DateTimeOffset at, Dictionary<Guid, PageVerdict> verdicts) =>
        Driver.Service<CheckResultRecorder>().RecordAsync(Guid.NewGuid(), verdicts, at, CancellationToken.None);

    private async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid connectionId)
    {
        var page = await Driver.Service<IntegrationStatusService>().GetTimelineAsync(support, connectionId, null, 100, true, CancellationToken.None);
        return page.ShouldNotBeNull().Entries;
    }

    private async Task<List<OutboxEmail>> EmailsAsync()
    {
        await using var db = await DbAsync();
        return await db.OutboxEmails.OrderBy(e => e.CreatedAt).ToListAsync();
    }

    [Fact]
    public async Task Record_Failure_SupportSeesTheStatusChangeBySystemAndTheCheckWithWhy()
    {
        var at = DateTimeOffset.UtcNow;

        await RecordAsync(at, new()
        {
            [taipei] = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset, PasswordChanged),
            [taichung] = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.TokenExpired, TokenExpired, "the token expired on its own"),
        });

        // Only Facebook's error: that is the why.
        var taipeiHistory = await TimelineAsync(taipei);
        var change = taipeiHistory.Where(e => e.Kind == TimelineKind.StatusChanged).ShouldHaveSingleItem();
        change.Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
        change.Cause.ShouldBe(FailureCause.PasswordChangedOrSecurityReset);
        change.Actor.ShouldBe("system");
        change.Detail.ShouldBe(PasswordChanged.ToString());
        // Connecting checked the pages once already (a passed check before `at`).
        var check = taipeiHistory.Where(e => e.Kind == TimelineKind.Check && e.At >= at).ShouldHaveSingleItem();
        check.Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
        check.Outcome.ShouldBe(CheckOutcome.Failed);
        check.ErrorCode.ShouldBe(190);
        check.Detail.ShouldBe(PasswordChanged.ToString());

        // The checker's own words come first when it has them; Facebook's code stays on the check row.
        var taichungHistory = await TimelineAsync(taichung);
        taichungHistory.Where(e => e.Kind == TimelineKind.StatusChanged).ShouldHaveSingleItem().Detail.ShouldBe("the token expired on its own");
        var taichungCheck = taichungHistory.Where(e => e.Kind == TimelineKind.Check && e.At >= at).ShouldHaveSingleItem();
        taichungCheck.Detail.ShouldBe("the token expired on its own");
        taichungCheck.ErrorSubcode.ShouldBe(463);
    }

    [Fact]
    public async Task Record_Failure_TheConnectionKeepsFacebooksErrorAsItsLastError_ElseTheDetail()
    {
        var at = DateTimeOffset.UtcNow;

        await RecordAsync(at, new()
        {
            [taipei] = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.TokenExpired, TokenExpired, "the token expired on its own"),
            [taichung] = PageVerdict.Failed(ConnectionStatus.NotPageAdmin, FailureCause.PageRoleLost, detail: "Dana lost the page's admin role"),
        });

        (await ConnectionAsync(Taipei)).LastError.ShouldBe(TokenExpired.ToString());
        (await ConnectionAsync(Taichung)).LastError.ShouldBe("Dana lost the page's admin role");

        await RecordAsync(at.AddHours(1), new() { [taipei] = PageVerdict.Passed() });

        (await ConnectionAsync(Taipei)).LastError.ShouldBeNull();
    }

    [Fact]
    public async Task Record_SameFailureNextHour_AddsACheckButNoSecondStatusChange()
    {
        var at = DateTimeOffset.UtcNow;
        var failed = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset, PasswordChanged);
        await RecordAsync(at, new() { [taipei] = failed });

        await RecordAsync(at.AddHours(1), new() { [taipei] = failed });

        var history = await TimelineAsync(taipei);
        history.Count(e => e.Kind == TimelineKind.Check && e.At >= at).ShouldBe(2);
        history.Where(e => e.Kind == TimelineKind.StatusChanged).ShouldHaveSingleItem().Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
    }

    [Fact]
    public async Task Record_InconclusiveWhileFailing_TheCheckRowShowsTheStatusThePageStillHas()
    {
        var at = DateTimeOffset.UtcNow;
        await RecordAsync(at, new()
        {
            [taipei] = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset, PasswordChanged),
        });

        await RecordAsync(at.AddHours(1), new()
        {
            [taipei] = PageVerdict.Inconclusive(new GraphError(2, null, "Service temporarily unavailable", IsTransient: true), "Facebook was busy"),
        });

        var latest = (await TimelineAsync(taipei)).Where(e => e.Kind == TimelineKind.Check).MaxBy(e => e.At).ShouldNotBeNull();
        latest.Outcome.ShouldBe(CheckOutcome.Inconclusive);
        latest.Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
        latest.Detail.ShouldBe("Facebook was busy");
        (await ConnectionAsync(Taipei)).Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
    }

    [Fact]
    public async Task Check_SubscriptionDropped_OnlyThatPagesHistoryShowsTheRepairBySystem()
    {
        await Driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");

        await Driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        (await TimelineAsync(taipei)).Where(e => e.Kind == TimelineKind.Repaired).ShouldHaveSingleItem().Actor.ShouldBe("system");
        (await TimelineAsync(taichung)).ShouldNotContain(e => e.Kind == TimelineKind.Repaired);
    }

    [Fact]
    public async Task Record_StatusChanges_OpenPagesOfTheTeamAreToldToRefresh()
    {
        var refreshed = 0;
        using var page = Driver.Service<ChannelChangeNotifier>().Subscribe(admin.TeamId!.Value,
            () => { Interlocked.Increment(ref refreshed); return Task.CompletedTask; });

        await RecordAsync(DateTimeOffset.UtcNow, new()
        {
            [taipei] = PageVerdict.Failed(ConnectionStatus.NotPageAdmin, FailureCause.PageRoleLost, detail: "role lost"),
        });

        await Eventually.TrueAsync(() => Volatile.Read(ref refreshed) > 0, Patience, "the team's channel page refreshed");
    }

    [Fact]
    public async Task Check_TokenKilled_TheFailureEmailIsSentAtOnce()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");

        await Driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        await Eventually.TrueAsync(async () => (await EmailsAsync()).SingleOrDefault()?.State == EmailState.Sent, Patience,
            "the failure e-mail was sent without waiting an hour for the outbox");
    }

    [Fact]
    public async Task Record_TwoTeamsFailInOneRun_BothEmailsAreSentAtOnce()
    {
        var other = await Driver.CallerAsync(DemoAccounts.OtherAdmin.Email);
        await Driver.ConsentAsync(other, DemoWorld.SamId, "all");
        (await Driver.ConnectAsync(other, DemoWorld.SamPage2Id)).ShouldAllBe(r => r.Succeeded);
        var samPage = (await ConnectionAsync(DemoWorld.SamPage2Id)).Id;

        await RecordAsync(DateTimeOffset.UtcNow, new()
        {
            [taipei] = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset, PasswordChanged),
            [samPage] = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.TokenExpired, TokenExpired),
        });

        await Eventually.TrueAsync(async () => await EmailsAsync() is { Count: 2 } emails && emails.All(e => e.State == EmailState.Sent), Patience,
            "both teams' failure e-mails were sent without waiting an hour for the outbox");
    }

    [Fact]
    public async Task Record_SameFailureAgainAfterRecovering_IsNewsAgain_ASecondEmail()
    {
        var at = DateTimeOffset.UtcNow;
        var failed = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset, PasswordChanged);
        await RecordAsync(at, new() { [taipei] = failed });
        await RecordAsync(at.AddHours(1), new() { [taipei] = PageVerdict.Passed() });

        var started = await RecordAsync(at.AddHours(2), new() { [taipei] = failed });

        started.EpisodesStarted.ShouldBe(1);
        (await EmailsAsync()).Count.ShouldBe(2);
    }
}
