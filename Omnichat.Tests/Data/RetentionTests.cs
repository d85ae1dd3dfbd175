using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Integrations;
using Omnichat.Core.Messaging;
using Omnichat.Core.Retention;
using Omnichat.Tests.Components;
using Omnichat.Tests.Integrations;

namespace Omnichat.Tests.Data;

/// <summary>
/// The daily clean-up on a seeded database: old routine rows go or are rolled up, everything people read stays. Run on
/// both providers (<see cref="RetentionOnSqliteTests"/>, <see cref="RetentionOnPostgresTests"/>).
/// </summary>
public abstract class RetentionTests(string provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = IntegrationData.Now;
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"omnichat-retention-{Guid.NewGuid():N}.db");
    private ServiceProvider services = default!;

    public async Task InitializeAsync()
    {
        var connectionString = provider == DatabaseProvider.Postgres
            ? Infrastructure.PostgresServer.Shared.CreateDatabase()
            : $"Data Source={databasePath}";
        services = new ServiceCollection()
            .AddOmnichatDatabase(provider, connectionString)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .AddIntegrations()
            .BuildServiceProvider();
        await using var db = await DbAsync();
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

    [Fact]
    public async Task Run_OldPassedChecks_BecomeDailyCounts_AddingToOnesAlreadyThere_AndTheRestStays()
    {
        var day40 = DateOnly.FromDateTime(Now.AddDays(-40).UtcDateTime);
        var day35 = DateOnly.FromDateTime(Now.AddDays(-35).UtcDateTime);
        await using (var db = await DbAsync())
        {
            db.ConnectionChecks.AddRange(
                Check(Now.AddDays(-40), CheckOutcome.Passed), Check(Now.AddDays(-40).AddHours(1), CheckOutcome.Passed),
                Check(Now.AddDays(-35), CheckOutcome.Passed),
                Check(Now.AddDays(-40).AddHours(2), CheckOutcome.Failed), Check(Now.AddDays(-40).AddHours(3), CheckOutcome.Inconclusive),
                Check(Now.AddDays(-40).AddHours(4), CheckOutcome.Repaired));
            db.DailyCheckCounts.Add(new DailyCheckCount { ConnectionId = IntegrationData.FailingId, TeamId = TestCallers.DemoShopId, Day = day35, Passed = 5 });
            await db.SaveChangesAsync();
        }
        var recentChecks = await CountAsync(db => db.ConnectionChecks.Where(c => c.At >= Now.AddDays(-30)));

        var summary = await Retention(batchSize: 2).RunAsync(CancellationToken.None);

        summary.PassedChecksRolledUp.ShouldBe(3);
        await using var after = await DbAsync();
        (await after.DailyCheckCounts.AsNoTracking().OrderBy(d => d.Day).Select(d => new { d.Day, d.Passed }).ToListAsync())
            .ShouldBe([new { Day = day40, Passed = 2 }, new { Day = day35, Passed = 6 }]);
        (await after.ConnectionChecks.Where(c => c.At < Now.AddDays(-30)).Select(c => c.Outcome).ToListAsync())
            .ShouldBe([CheckOutcome.Failed, CheckOutcome.Inconclusive, CheckOutcome.Repaired], ignoreOrder: true);
        (await CountAsync(db => db.ConnectionChecks.Where(c => c.At >= Now.AddDays(-30)))).ShouldBe(recentChecks);
    }

    [Fact]
    public async Task Run_WebhookBodies_OnlyProcessedOnesPastTheirTimeGo_AndTheNewestRowAlwaysStays()
    {
        await using (var db = await DbAsync())
        {
            db.WebhookDeliveries.AddRange(
                Delivery(1, WebhookDeliveryState.Processed, Now.AddDays(-40)),
                Delivery(2, WebhookDeliveryState.Processed, Now.AddDays(-40)),
                Delivery(3, WebhookDeliveryState.Processed, Now.AddDays(-10)),
                Delivery(4, WebhookDeliveryState.Failed, null),
                Delivery(5, WebhookDeliveryState.Received, null),
                Delivery(6, WebhookDeliveryState.Processed, Now.AddDays(-40)));
            db.ParkedEvents.AddRange(Parked(1, Now.AddDays(-400)), Parked(2, Now.AddDays(-10)));
            await db.SaveChangesAsync();
        }

        var summary = await Retention(batchSize: 1).RunAsync(CancellationToken.None);

        (summary.WebhookBodiesRemoved, summary.ParkedEventsRemoved).ShouldBe((2, 1));
        await using var after = await DbAsync();
        (await after.WebhookDeliveries.Select(d => d.Id).OrderBy(i => i).ToListAsync()).ShouldBe([3L, 4L, 5L, 6L]);
        (await after.ParkedEvents.Select(e => e.ParkedAt).SingleAsync()).ShouldBe(Now.AddDays(-10));
    }

    [Fact]
    public async Task Run_SupportListChartTimelineEpisodesAndAudit_ReadTheSameAfterwards()
    {
        await using (var db = await DbAsync())
        {
            db.ConnectionChecks.Add(Check(Now.AddDays(-45), CheckOutcome.Passed));
            await db.SaveChangesAsync();
        }
        var integrations = services.GetRequiredService<IntegrationStatusService>();
        var before = await ReadAsync(integrations);

        await Retention(batchSize: 100).RunAsync(CancellationToken.None);

        var after = await ReadAsync(integrations);
        after.List.ShouldBe(before.List);
        after.History.ShouldBe(before.History);
        after.Timeline.ShouldBe(before.Timeline);
        after.Kept.ShouldBe(before.Kept);
    }

    private async Task<(string List, string History, string Timeline, string Kept)> ReadAsync(IntegrationStatusService integrations)
    {
        var list = await integrations.ListAsync(TestCallers.Support, new IntegrationQuery(), CancellationToken.None);
        var history = await integrations.GetTeamHistoryAsync(TestCallers.Support, TestCallers.DemoShopId, 30, CancellationToken.None);
        // The timeline's last 30 days (passed checks included); older passed checks are what the clean-up rolls up.
        var timeline = await integrations.GetTimelineAsync(TestCallers.Support, IntegrationData.FailingId, null, 500, true, CancellationToken.None);
        await using var db = await DbAsync();
        var kept = string.Join(",", await db.ConnectionEvents.CountAsync(), await db.FailureEpisodes.CountAsync(),
            await db.OutboxEmails.CountAsync(), await db.ConnectionChecks.CountAsync(c => c.Outcome != CheckOutcome.Passed));
        return (
            string.Join("|", list.Rows.Select(r => $"{r.PageName}:{r.Status}:{r.FailingSince}:{r.LastCheckedAt}:{r.LastEmail?.Id}")) + $"#{list.TotalCount}",
            string.Join("|", history!.Select(d => $"{d.Day}:{string.Join(",", d.Counts.OrderBy(c => c.Key).Select(c => $"{c.Key}={c.Value}"))}")),
            string.Join("|", timeline!.Entries.Where(e => e.At >= Now.AddDays(-30)).Select(e => $"{e.At:O}:{e.Kind}:{e.Outcome}")),
            kept);
    }

    private RetentionService Retention(int batchSize) => new(
        services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>(),
        Options.Create(new RetentionOptions { BatchSize = batchSize }),
        services.GetRequiredService<TimeProvider>(),
        NullLogger<RetentionService>.Instance);

    private async Task<OmnichatDbContext> DbAsync() =>
        await services.GetRequiredService<IDbContextFactory<OmnichatDbContext>>().CreateDbContextAsync();

    private async Task<int> CountAsync<T>(Func<OmnichatDbContext, IQueryable<T>> rows)
    {
        await using var db = await DbAsync();
        return await rows(db).CountAsync();
    }

    private static ConnectionCheck Check(DateTimeOffset at, CheckOutcome outcome) => new()
    {
        ConnectionId = IntegrationData.FailingId,
        TeamId = TestCallers.DemoShopId,
        RunId = Guid.NewGuid(),
        At = at,
        Outcome = outcome,
        Status = ConnectionStatus.Healthy,
        Cause = FailureCause.None,
    };

    private static WebhookDelivery Delivery(long id, WebhookDeliveryState state, DateTimeOffset? processedAt) => new()
    {
        Id = id,
        Body = "{}"u8.ToArray(),
        ReceivedAt = processedAt ?? Now.AddDays(-40),
        State = state,
        ProcessedAt = processedAt,
    };

    private static ParkedEvent Parked(long deliveryId, DateTimeOffset at) => new()
    {
        DeliveryId = deliveryId,
        PageId = "104500000000099",
        Reason = ParkedReason.UnknownPage,
        Field = "messaging",
        EventJson = "{}",
        EventAt = at,
        ParkedAt = at,
    };
}
