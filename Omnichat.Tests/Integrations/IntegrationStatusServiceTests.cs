using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Integrations;
using Omnichat.Core.Notifications;
using Omnichat.Tests.Components;

namespace Omnichat.Tests.Integrations;

/// <summary>
/// What the integration status pages read, and who reads what, enforced by the service; on both providers
/// (<see cref="IntegrationStatusOnSqliteTests"/>, <see cref="IntegrationStatusOnPostgresTests"/>).
/// </summary>
public abstract class IntegrationStatusServiceTests(string provider) : IAsyncLifetime
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"omnichat-integrations-{Guid.NewGuid():N}.db");
    private ServiceProvider services = default!;
    private IntegrationStatusService service = default!;

    public async Task InitializeAsync()
    {
        services = new ServiceCollection()
            .AddOmnichatDatabase(provider, provider == DatabaseProvider.Postgres
                ? Infrastructure.PostgresServer.Shared.CreateDatabase()
                : $"Data Source={databasePath}")
            .AddSingleton<TimeProvider>(new FakeTimeProvider(IntegrationData.Now))
            .AddIntegrations()
            .BuildServiceProvider();
        service = services.GetRequiredService<IntegrationStatusService>();
        await using var db = await services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        IntegrationData.Seed(db);
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(databasePath);
    }

    private Task<IntegrationList> ListAsync(Omnichat.Core.Teams.Caller caller, IntegrationQuery? query = null) =>
        service.ListAsync(caller, query ?? new IntegrationQuery(), CancellationToken.None);

    [Fact]
    public async Task List_Support_SeesEveryTeamsConnections()
    {
        var list = await ListAsync(TestCallers.Support);

        list.Rows.Select(r => r.PageName).ShouldBe([IntegrationData.OtherPage, IntegrationData.FailingPage, IntegrationData.HealthyPage], ignoreOrder: true);
        list.TotalCount.ShouldBe(3);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("agent")]
    public async Task List_TeamMember_SeesOnlyTheirOwnTeam(string who)
    {
        var list = await ListAsync(who == "admin" ? TestCallers.TeamAdmin : TestCallers.Agent);

        list.Rows.ShouldAllBe(r => r.TeamId == TestCallers.DemoShopId);
        list.TotalCount.ShouldBe(2);
        list.StatusCounts.ContainsKey(ConnectionStatus.NotPageAdmin).ShouldBeFalse();
    }

    [Fact]
    public async Task List_TeamAdminAsksForAnotherTeam_GetsNothing()
    {
        var list = await ListAsync(TestCallers.TeamAdmin, new IntegrationQuery(TeamId: IntegrationData.OtherShopId));

        list.Rows.ShouldBeEmpty();
        list.TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task List_CallerWithoutTeamOrSupportRole_GetsNothing()
    {
        (await ListAsync(IntegrationData.Nobody)).ShouldBe(IntegrationList.Empty);
        (await service.GetDetailAsync(IntegrationData.Nobody, IntegrationData.FailingId, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task List_DefaultOrder_LongestFailingFirstHealthyLast()
    {
        var list = await ListAsync(TestCallers.Support);

        list.Rows.Select(r => r.ConnectionId).ShouldBe([IntegrationData.OtherFailingId, IntegrationData.FailingId, IntegrationData.HealthyId]);
        list.Rows[0].FailingSince.ShouldBe(IntegrationData.Now.AddDays(-5));
        list.Rows[2].FailingSince.ShouldBeNull();
    }

    [Fact]
    public async Task List_FailingFilter_KeepsCountsOfEveryStatus()
    {
        var list = await ListAsync(TestCallers.Support, new IntegrationQuery(Status: StatusFilter.Failing));

        list.Rows.Select(r => r.ConnectionId).ShouldBe([IntegrationData.OtherFailingId, IntegrationData.FailingId]);
        list.TotalCount.ShouldBe(2);
        list.StatusCounts[ConnectionStatus.Healthy].ShouldBe(1);
        list.StatusCounts[ConnectionStatus.NeedsReauthorization].ShouldBe(1);
        list.StatusCounts[ConnectionStatus.NotPageAdmin].ShouldBe(1);
    }

    [Theory]
    [InlineData("台北", "Demo Shop 台北店")]
    [InlineData("other shop", "Other Shop 高雄店")]
    [InlineData("1102000000000", "Demo Shop 台北店,Demo Shop 旗艦店")]
    [InlineData("110200000000002", "Demo Shop 台北店")]
    [InlineData("%", "")]
    public async Task List_Search_MatchesTeamNamePageNameOrPageIdStart(string search, string expected)
    {
        var list = await ListAsync(TestCallers.Support, new IntegrationQuery(Search: search, Sort: IntegrationSort.Page));

        string.Join(",", list.Rows.Select(r => r.PageName)).ShouldBe(expected);
    }

    [Fact]
    public async Task List_CauseAndPlanFilters_Combine()
    {
        var ended = await ListAsync(TestCallers.Support, new IntegrationQuery(Plan: PlanState.Ended));
        var running = await ListAsync(TestCallers.Support, new IntegrationQuery(Plan: PlanState.Running, Cause: FailureCause.PasswordChangedOrSecurityReset));

        ended.Rows.Single().ConnectionId.ShouldBe(IntegrationData.OtherFailingId);
        ended.Rows.Single().PlanEnded.ShouldBeTrue();
        running.Rows.Single().ConnectionId.ShouldBe(IntegrationData.FailingId);
        running.Rows.Single().PlanEnded.ShouldBeFalse();
    }

    [Fact]
    public async Task List_LastEmail_SentOrSuppressedAsTheOutboxSays()
    {
        var rows = (await ListAsync(TestCallers.Support)).Rows.ToDictionary(r => r.ConnectionId);

        rows[IntegrationData.FailingId].LastEmail!.State.ShouldBe(EmailState.Sent);
        rows[IntegrationData.FailingId].LastEmail!.Recipients.ShouldBe("admin@demo.local");
        rows[IntegrationData.OtherFailingId].LastEmail!.State.ShouldBe(EmailState.Suppressed);
        rows[IntegrationData.HealthyId].LastEmail.ShouldBeNull();
    }

    [Fact]
    public async Task List_Paging_ReturnsThePageAndTheTotal()
    {
        var second = await ListAsync(TestCallers.Support, new IntegrationQuery(Sort: IntegrationSort.Page, Page: 1, PageSize: 2));

        second.Rows.Single().PageName.ShouldBe(IntegrationData.OtherPage);
        second.TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task List_SortByStatus_FollowsTheDesignsOrder()
    {
        var list = await ListAsync(TestCallers.Support, new IntegrationQuery(Sort: IntegrationSort.Status));

        list.Rows.Select(r => r.Status).ShouldBe([ConnectionStatus.Healthy, ConnectionStatus.NeedsReauthorization, ConnectionStatus.NotPageAdmin]);
    }

    [Fact]
    public async Task Export_SameFiltersAsTheList_EveryRow()
    {
        var rows = await service.ExportAsync(TestCallers.Support, new IntegrationQuery(Status: StatusFilter.Failing, PageSize: 1), CancellationToken.None)
            .ToListAsync();

        rows.Select(r => r.ConnectionId).ShouldBe([IntegrationData.OtherFailingId, IntegrationData.FailingId]);
        rows[1].LastEmail!.State.ShouldBe(EmailState.Sent);
    }

    [Fact]
    public async Task Detail_OtherTeamsConnection_IsNull()
    {
        (await service.GetDetailAsync(TestCallers.TeamAdmin, IntegrationData.OtherFailingId, CancellationToken.None)).ShouldBeNull();
        (await service.GetTimelineAsync(TestCallers.Agent, IntegrationData.OtherFailingId, null, 50, true, CancellationToken.None)).ShouldBeNull();
        (await service.GetTeamHistoryAsync(TestCallers.TeamAdmin, IntegrationData.OtherShopId, 30, CancellationToken.None)).ShouldBeNull();
    }

    [Fact]
    public async Task Detail_FailingConnection_HasTheLastGraphErrorWithTraceId()
    {
        var detail = await service.GetDetailAsync(TestCallers.Support, IntegrationData.FailingId, CancellationToken.None);

        detail.ShouldNotBeNull();
        detail.Row.TeamName.ShouldBe(TestCallers.DemoShop);
        detail.LastGraphError.ShouldBe(new GraphErrorRecord(IntegrationData.Now.AddDays(-3), 190, 460, "AbCdEfTrace1", "190/460 fbtrace_id AbCdEfTrace1"));
    }

    [Fact]
    public async Task Timeline_NewestFirst_WithChecksChangesEpisodesEmailsAndAudit()
    {
        var page = await service.GetTimelineAsync(TestCallers.TeamAdmin, IntegrationData.FailingId, null, 100, true, CancellationToken.None);

        page.ShouldNotBeNull();
        page.Before.ShouldBeNull();
        page.Entries.Select(e => e.At).ShouldBeInOrder(SortDirection.Descending);
        page.Entries.First().Kind.ShouldBe(TimelineKind.Check);
        page.Entries.Last().Kind.ShouldBe(TimelineKind.Connected);
        page.Entries.Last().Actor.ShouldBe(TestCallers.TeamAdmin.DisplayName);
        page.Entries.Where(e => e.At == IntegrationData.Now.AddDays(-3)).Select(e => e.Kind)
            .ShouldBe([TimelineKind.EpisodeStarted, TimelineKind.StatusChanged, TimelineKind.Check]);
        page.Entries.Single(e => e.Kind == TimelineKind.Email).Email!.State.ShouldBe(EmailState.Sent);
    }

    [Fact]
    public async Task Timeline_Paged_NextPageContinuesWhereTheFirstStopped()
    {
        var all = (await service.GetTimelineAsync(TestCallers.Support, IntegrationData.FailingId, null, 100, true, CancellationToken.None))!.Entries;

        var first = (await service.GetTimelineAsync(TestCallers.Support, IntegrationData.FailingId, null, 3, true, CancellationToken.None))!;
        var second = (await service.GetTimelineAsync(TestCallers.Support, IntegrationData.FailingId, first.Before, 100, true, CancellationToken.None))!;

        first.Before.ShouldNotBeNull();
        first.Entries.Concat(second.Entries).ShouldBe(all);
    }

    [Fact]
    public async Task Timeline_WithoutPassedChecks_KeepsEverythingElse()
    {
        var page = await service.GetTimelineAsync(TestCallers.Support, IntegrationData.FailingId, null, 100, false, CancellationToken.None);

        page!.Entries.ShouldNotContain(e => e.Kind == TimelineKind.Check && e.Outcome == Omnichat.Core.Health.CheckOutcome.Passed);
        page.Entries.Count(e => e.Kind == TimelineKind.Check).ShouldBe(2);
    }

    [Fact]
    public async Task TeamHistory_Last30Days_ReplaysStatusChanges()
    {
        var days = await service.GetTeamHistoryAsync(TestCallers.Support, TestCallers.DemoShopId, 30, CancellationToken.None);

        days.ShouldNotBeNull();
        days.Count.ShouldBe(30);
        days[^1].Day.ShouldBe(new DateOnly(2026, 12, 1));
        days[^5].Counts.ShouldBe(new Dictionary<ConnectionStatus, int> { [ConnectionStatus.Healthy] = 2 });
        days[^1].Counts.ShouldBe(new Dictionary<ConnectionStatus, int> { [ConnectionStatus.Healthy] = 1, [ConnectionStatus.NeedsReauthorization] = 1 });
    }

    [Fact]
    public async Task TeamHistory_DaysAreTheTeamsDays()
    {
        // 20:00 UTC on 30 November is 04:00 on 1 December in Taipei, the demo team's zone.
        await using (var db = await services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync())
        {
            db.ConnectionEvents.Add(new ConnectionEvent
            {
                ConnectionId = IntegrationData.HealthyId, TeamId = TestCallers.DemoShopId, Kind = ConnectionEventKind.StatusChanged,
                At = new DateTimeOffset(2026, 11, 30, 20, 0, 0, TimeSpan.Zero), ActorName = "system", Status = ConnectionStatus.WebhookNotSubscribed,
            });
            await db.SaveChangesAsync();
        }

        var days = (await service.GetTeamHistoryAsync(TestCallers.Support, TestCallers.DemoShopId, 30, CancellationToken.None))!;

        days[^2].Day.ShouldBe(new DateOnly(2026, 11, 30));
        days[^2].Counts.GetValueOrDefault(ConnectionStatus.WebhookNotSubscribed).ShouldBe(0, "on 30 November in Taipei the page still worked");
        days[^1].Counts.GetValueOrDefault(ConnectionStatus.WebhookNotSubscribed).ShouldBe(1);
    }
}
