using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Backfill;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Backfill;

/// <summary>A start long after the last heartbeat is a window nobody listened in, for every live connection.</summary>
public sealed class DowntimeGapTests : IAsyncLifetime
{
    private ConsoleServer server = default!;
    private MessengerDriver driver = default!;

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync(s => s.With("Backfill:Enabled", "false").With("Backfill:DowntimeThreshold", "00:05:00"));
        driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        // Connected two hours ago, so the whole downtime lies in the page's life.
        await driver.QueryAsync(db => db.PageConnections.ExecuteUpdateAsync(s => s.SetProperty(c => c.ConnectedAt, DateTimeOffset.UtcNow.AddHours(-2))));
    }

    public async Task DisposeAsync()
    {
        driver.Dispose();
        await server.DisposeAsync();
    }

    private Task HeartbeatAtAsync(DateTimeOffset at) => driver.QueryAsync(async db =>
    {
        await db.ConsoleSettings.Where(s => s.Key == DowntimeRecorder.HeartbeatKey).ExecuteDeleteAsync();
        db.ConsoleSettings.Add(new ConsoleSetting { Key = DowntimeRecorder.HeartbeatKey, Value = at.ToString("O", CultureInfo.InvariantCulture) });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Start_HalfAnHourAfterTheLastHeartbeat_RecordsAClosedGapFromTheHeartbeatToTheStart()
    {
        var now = DateTimeOffset.UtcNow;
        var heartbeat = now.AddMinutes(-30);
        await HeartbeatAtAsync(heartbeat);

        var recorded = await driver.Service<DowntimeRecorder>().RecordStartAsync(now, CancellationToken.None);

        recorded.ShouldBe(1);
        var gap = await driver.QueryAsync(db => db.EventGaps.SingleAsync());
        gap.Cause.ShouldBe(GapCause.ConsoleDown);
        gap.StartedAt.ShouldBe(heartbeat);
        gap.EndedAt.ShouldBe(now);
        gap.Backfill.ShouldBe(BackfillState.Pending);
    }

    [Fact]
    public async Task Start_OneMinuteAfterTheLastHeartbeat_IsBridgedByMetasRetries()
    {
        var now = DateTimeOffset.UtcNow;
        await HeartbeatAtAsync(now.AddMinutes(-1));

        (await driver.Service<DowntimeRecorder>().RecordStartAsync(now, CancellationToken.None)).ShouldBe(0);
        (await driver.QueryAsync(db => db.EventGaps.CountAsync())).ShouldBe(0);
    }
}
