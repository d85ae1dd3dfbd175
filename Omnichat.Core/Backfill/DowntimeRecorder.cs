using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Backfill;

/// <summary>
/// The console's own downtime as a gap: at start, the last heartbeat or accepted webhook before this start tells since
/// when nobody listened; past <see cref="BackfillOptions.DowntimeThreshold"/> (longer than Meta's retries cover) every live
/// connection gets a closed gap from then to now. While running it writes the heartbeat, so the next start knows.
/// With several instances any running one keeps the heartbeat fresh, so only a whole outage counts.
/// </summary>
public sealed class DowntimeRecorder(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    BackfillSignal signal,
    IOptions<BackfillOptions> options,
    TimeProvider time,
    ILogger<DowntimeRecorder> logger) : BackgroundService
{
    public const string HeartbeatKey = "console.heartbeat";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Taken before any webhook of this run can be accepted, so one arriving now does not hide the outage.
        var startedAt = time.GetUtcNow();
        try
        {
            try
            {
                if (await RecordStartAsync(startedAt, stoppingToken) > 0)
                {
                    signal.Notify();
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The console runs on without it; the log says which downtime went unrecorded.
                logger.LogError(ex, "Could not record the downtime before the start at {StartedAt}", startedAt);
            }
            while (!stoppingToken.IsCancellationRequested)
            {
                await BeatAsync(stoppingToken);
                await Task.Delay(options.Value.HeartbeatInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last heartbeat stays as the start of the next downtime.
        }
    }

    /// <returns>How many gaps were recorded.</returns>
    public async Task<int> RecordStartAsync(DateTimeOffset startedAt, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var heartbeat = await db.ConsoleSettings.AsNoTracking().Where(s => s.Key == HeartbeatKey).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
        var lastWebhook = await db.WebhookDeliveries.AsNoTracking().Where(d => d.ReceivedAt < startedAt)
            .MaxAsync(d => (DateTimeOffset?)d.ReceivedAt, cancellationToken);
        var lastBeat = DateTimeOffset.TryParse(heartbeat, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var beat) ? beat : (DateTimeOffset?)null;
        var last = (lastBeat, lastWebhook) switch
        {
            ({ } b, { } w) => b > w ? b : w,
            ({ } b, null) => b,
            (null, { } w) => w,
            _ => (DateTimeOffset?)null,
        };
        // A first start has nothing to compare with; a short restart is bridged by Meta's retries.
        if (last is not { } since || startedAt - since < options.Value.DowntimeThreshold)
        {
            return 0;
        }
        var connections = await db.PageConnections.Where(c => c.Status != ConnectionStatus.Disconnected && c.ConnectedAt < startedAt)
            .ToListAsync(cancellationToken);
        foreach (var connection in connections)
        {
            GapRecorder.AddClosed(db, connection, GapCause.ConsoleDown, since, startedAt, startedAt);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogWarning("The console was not running from {Since} to {StartedAt}: recorded a gap for {Count} connections", since, startedAt, connections.Count);
        return connections.Count;
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
            var updated = await db.ConsoleSettings.Where(s => s.Key == HeartbeatKey)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.Value, now), cancellationToken);
            if (updated == 0)
            {
                db.ConsoleSettings.Add(new ConsoleSetting { Key = HeartbeatKey, Value = now });
                await db.SaveChangesAsync(cancellationToken);
            }
        }
        catch (DbUpdateException ex)
        {
            // Another instance wrote the first heartbeat at the same moment: it counts as well as ours.
            logger.LogDebug(ex, "Heartbeat written by another instance first");
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Data.Common.DbException && !cancellationToken.IsCancellationRequested)
        {
            // A busy database skips one beat; the next one is a minute away, well inside the downtime threshold.
            logger.LogWarning(ex, "Could not write the console heartbeat");
        }
    }
}
