using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Health;

/// <summary>Each sandbox action leads to the right status, episode and outbox e-mail; transient trouble changes nothing.</summary>
public sealed class HealthCheckTests : FlowTest
{
    private Caller admin = default!;

    private static readonly string Taipei = DemoWorld.ShopPageId(1);
    private static readonly string Taichung = DemoWorld.ShopPageId(2);

    protected override void Configure(ConsoleServer server) => server.With("HealthCheck:RateLimitBackoff", "00:00:00.010");

    protected override async Task ArrangeAsync()
    {
        admin = await Driver.CallerAsync("admin@demo.local");
        await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all");
        (await Driver.ConnectAsync(admin, Taipei, Taichung)).ShouldAllBe(r => r.Succeeded);
    }

    private Task<CheckRunSummary> CheckAsync(CheckScope? scope = null) =>
        Driver.Service<IntegrationChecker>().CheckAsync(scope ?? CheckScope.All, null, CancellationToken.None);

    private async Task<OmnichatDbContext> DbAsync() =>
        await Driver.Service<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();

    private async Task<PageConnection> ConnectionAsync(string pageId)
    {
        await using var db = await DbAsync();
        return await db.PageConnections.SingleAsync(c => c.PageId == pageId);
    }

    private async Task<List<OutboxEmail>> EmailsAsync()
    {
        await using var db = await DbAsync();
        return await db.OutboxEmails.OrderBy(e => e.CreatedAt).ToListAsync();
    }

    [Fact]
    public async Task Check_HealthyPages_PassInOneBatchAndSendNothing()
    {
        var summary = await CheckAsync();

        summary.Passed.ShouldBe(2);
        summary.GraphRequests.ShouldBe(1);
        (await ConnectionAsync(Taipei)).LastCheckedAt.ShouldNotBeNull();
        (await EmailsAsync()).ShouldBeEmpty();
        await using var db = await DbAsync();
        // Connecting checked the pages once already; this run adds its own two.
        (await db.ConnectionChecks.CountAsync(c => c.RunId == summary.RunId && c.Outcome == CheckOutcome.Passed)).ShouldBe(2);
    }

    [Theory]
    [InlineData("password-change", ConnectionStatus.NeedsReauthorization, FailureCause.PasswordChangedOrSecurityReset)]
    [InlineData("two-factor", ConnectionStatus.NeedsReauthorization, FailureCause.SessionInvalidated)]
    [InlineData("checkpoint", ConnectionStatus.NeedsReauthorization, FailureCause.Checkpoint)]
    [InlineData("remove-app", ConnectionStatus.NeedsReauthorization, FailureCause.AppRemoved)]
    public async Task Check_TokenKilledOnFacebook_MarksBothPagesAndQueuesOneEmail(string killer, ConnectionStatus status, FailureCause cause)
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/{killer}");

        // remove-app also posts the deauthorize callback, which checks at once; the scheduled run then finds nothing new.
        var summary = await CheckAsync();

        summary.Failed.ShouldBe(2);
        await using (var db = await DbAsync())
        {
            (await db.FailureEpisodes.CountAsync(e => e.EndedAt == null)).ShouldBe(2);
        }
        var taipei = await ConnectionAsync(Taipei);
        taipei.Status.ShouldBe(status);
        taipei.Cause.ShouldBe(cause);
        var email = (await EmailsAsync()).ShouldHaveSingleItem();
        email.State.ShouldBeOneOf(EmailState.Pending, EmailState.Sent);
        var payload = JsonSerializer.Deserialize<ConnectionFailurePayload>(email.Payload, OutboxPayloadJson.Options)!;
        payload.Pages.Select(p => p.PageId).ShouldBe([Taipei, Taichung], ignoreOrder: true);
        payload.Pages.ShouldAllBe(p => p.Cause == cause);
    }

    [Fact]
    public async Task Check_StillBrokenNextHour_SendsNoSecondEmail()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await CheckAsync();

        var second = await CheckAsync();

        second.Failed.ShouldBe(2);
        second.EpisodesStarted.ShouldBe(0);
        (await EmailsAsync()).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Check_TwoRunsAtOnce_StillOneEpisodeAndOneEmail()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");

        // Same pages, three runs at once: whichever commits first opens both episodes; the others find them open.
        await Task.WhenAll(CheckAsync(), CheckAsync(), CheckAsync());

        (await EmailsAsync()).Count.ShouldBe(1);
        await using var db = await DbAsync();
        (await db.FailureEpisodes.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Reauthorize_EndsTheEpisode_AndALaterFailureIsANewEpisodeWithANewEmail()
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await CheckAsync();
        var taipei = await ConnectionAsync(Taipei);

        (await Driver.ConsentAsync(admin, DemoWorld.DanaId, "all", OAuthPurpose.Reauthorize, taipei.Id)).Kind.ShouldBe(ConsentOutcomeKind.Reauthorized);
        await using (var db = await DbAsync())
        {
            (await db.FailureEpisodes.SingleAsync(e => e.ConnectionId == taipei.Id)).EndedAt.ShouldNotBeNull();
        }
        await CheckAsync();
        (await ConnectionAsync(Taipei)).Status.ShouldBe(ConnectionStatus.Healthy);

        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/two-factor");
        var again = await CheckAsync();

        again.EpisodesStarted.ShouldBe(2);
        (await EmailsAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Check_PlanEnded_RecordsTheEmailAsSuppressed()
    {
        await using (var db = await DbAsync())
        {
            var team = await db.Teams.SingleAsync(t => t.Name == "Demo Shop");
            team.PlanEndsOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1));
            await db.SaveChangesAsync();
        }
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");

        await CheckAsync();

        (await EmailsAsync()).ShouldHaveSingleItem().State.ShouldBe(EmailState.Suppressed);
        (await ConnectionAsync(Taipei)).Status.ShouldBe(ConnectionStatus.NeedsReauthorization);
    }

    [Fact]
    public async Task Check_PageRoleLost_IsNotPageAdmin()
    {
        await Driver.Sandbox.PutAsync($"pages/{Taipei}/roles/{DemoWorld.DanaId}", new { tasks = new[] { "MODERATE", "MESSAGING", "ANALYZE" } });

        await CheckAsync();

        var taipei = await ConnectionAsync(Taipei);
        taipei.Status.ShouldBe(ConnectionStatus.NotPageAdmin);
        taipei.Cause.ShouldBe(FailureCause.PageRoleLost);
        (await ConnectionAsync(Taichung)).Status.ShouldBe(ConnectionStatus.Healthy);
    }

    [Fact]
    public async Task Check_SubscriptionDroppedByFacebook_SubscribesAgainAndStaysHealthy()
    {
        await Driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");

        var summary = await CheckAsync();

        summary.Repaired.ShouldBe(1);
        (await Driver.Sandbox.SubscribedAppsAsync(Taipei)).ShouldNotBeEmpty();
        (await ConnectionAsync(Taipei)).Status.ShouldBe(ConnectionStatus.Healthy);
        (await EmailsAsync()).ShouldBeEmpty();
        await using var db = await DbAsync();
        (await db.ConnectionEvents.AnyAsync(e => e.Kind == ConnectionEventKind.Resubscribed)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(1.0, 0.0, false, InconclusiveReason.Temporary, 2)]
    [InlineData(0.0, 1.0, false, InconclusiveReason.MissingBatchItem, null)]
    [InlineData(0.0, 0.0, true, InconclusiveReason.RateLimited, 4)]
    public async Task Check_FacebookUnreliable_IsInconclusiveChangesNothingAndKeepsWhy(double transientRate, double nullItems, bool rateLimited,
        InconclusiveReason reason, int? code)
    {
        await Driver.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/password-change");
        await Driver.Sandbox.PutAsync("faults", new { latencyMs = 0, transientErrorRate = transientRate, nullBatchItemRate = nullItems, rateLimited });

        var summary = await CheckAsync();

        summary.Inconclusive.ShouldBe(2);
        (await ConnectionAsync(Taipei)).Status.ShouldBe(ConnectionStatus.Healthy);
        (await EmailsAsync()).ShouldBeEmpty();
        await using var db = await DbAsync();
        var checks = await db.ConnectionChecks.Where(c => c.Outcome == CheckOutcome.Inconclusive).ToListAsync();
        checks.Count.ShouldBe(2);
        checks.ShouldAllBe(c => c.Reason == reason && c.ErrorCode == code);
    }

    [Fact]
    public async Task Check_WithoutBatching_ReachesTheSameVerdictWithTwoCallsPerPage()
    {
        await using var unbatched = await ConsoleServer.StartAsync(s => s.With("HealthCheck:UseBatch", "false"));
        using var other = new ConsentDriver(unbatched);
        var otherAdmin = await other.CallerAsync("admin@demo.local");
        await other.ConsentAsync(otherAdmin, DemoWorld.DanaId, "all");
        await other.ConnectAsync(otherAdmin, Taipei, Taichung);
        await other.Sandbox.PostAsync($"users/{DemoWorld.DanaId}/two-factor");

        var summary = await other.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        summary.Failed.ShouldBe(2);
        summary.GraphRequests.ShouldBe(4);
    }

    [Fact]
    public async Task Record_PageDisconnectedWhileTheCheckRan_ItsFailureIsDropped_NoEpisodeNoEmail()
    {
        var taipei = await ConnectionAsync(Taipei);
        (await Driver.DisconnectAsync(admin, taipei.Id)).ShouldBe(DisconnectOutcome.Disconnected);

        var runId = Guid.NewGuid();
        var started = await Driver.Service<CheckResultRecorder>().RecordAsync(runId,
            new Dictionary<Guid, PageVerdict> { [taipei.Id] = PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.TokenInvalid) },
            DateTimeOffset.UtcNow, CancellationToken.None);

        started.EpisodesStarted.ShouldBe(0);
        (await ConnectionAsync(Taipei)).Status.ShouldBe(ConnectionStatus.Disconnected);
        (await EmailsAsync()).ShouldBeEmpty();
        await using var db = await DbAsync();
        (await db.ConnectionChecks.AnyAsync(c => c.RunId == runId)).ShouldBeFalse();
    }

    [Fact]
    public async Task Check_PageMarkedNotMessengerReceiver_StaysSoBecauseNoCallCanSeeTheReceiver()
    {
        await using (var db = await DbAsync())
        {
            var taipei = await db.PageConnections.SingleAsync(c => c.PageId == Taipei);
            await ConnectionStatusChange.ApplyAsync(db, taipei, ConnectionStatus.NotMessengerReceiver, FailureCause.NotMessengerReceiver,
                DateTimeOffset.UtcNow, "standby events", CancellationToken.None);
            await db.SaveChangesAsync();
        }

        var summary = await CheckAsync();

        summary.Passed.ShouldBe(2);
        (await ConnectionAsync(Taipei)).Status.ShouldBe(ConnectionStatus.NotMessengerReceiver);
    }
}
