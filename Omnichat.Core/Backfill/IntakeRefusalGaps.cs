using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Backfill;

/// <summary>
/// Records a closed gap for every live connection when the webhook intake stored a delivery again after refusing some,
/// so the back-fill reads the refusal window from the Conversations API. Meta retries refused deliveries for a while,
/// but not for ever and not always (FAQ 4); the ones it did retry are already stored, and the back-fill skips those.
/// The refused bodies' pages are not known (a body is refused before it is read when memory is at its bound), so
/// every live page gets the gap. A console that stops while refusing loses the window it held in memory.
/// </summary>
public sealed class IntakeRefusalGaps(
    IntakeRefusalWindow window,
    IDbContextFactory<OmnichatDbContext> dbFactory,
    BackfillSignal signal,
    TimeProvider time,
    ILogger<IntakeRefusalGaps> logger) : BackgroundService
{
    /// <summary>
    /// The gap starts this much before the first refusal: the refused delivery carried events written a moment before
    /// it arrived. Reading a little more costs nothing; the back-fill imports only what the inbox lacks.
    /// </summary>
    public static readonly TimeSpan Lead = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await window.Closed.WaitToReadAsync(stoppingToken))
            {
                // A flapping intake closes many small windows: one gap from the first refusal to the last store.
                var (from, to) = await window.Closed.ReadAsync(stoppingToken);
                while (window.Closed.TryRead(out var next))
                {
                    to = next.To;
                }
                while (!await TryRecordAsync(from, to, stoppingToken))
                {
                    await Task.Delay(RetryDelay, time, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a window not yet written is lost with the process, as one still open would be.
        }
    }

    /// <returns>False when the database refused the write too; the window is tried again shortly.</returns>
    public async Task<bool> TryRecordAsync(DateTimeOffset firstRefusal, DateTimeOffset storedAgain, CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var connections = await db.PageConnections.Where(c => c.Status != ConnectionStatus.Disconnected && c.ConnectedAt < storedAgain)
                .ToListAsync(cancellationToken);
            foreach (var connection in connections)
            {
                GapRecorder.AddClosed(db, connection, GapCause.IntakeRefused, firstRefusal - Lead, storedAgain, time.GetUtcNow());
            }
            await db.SaveChangesAsync(cancellationToken);
            if (connections.Count > 0)
            {
                signal.Notify();
            }
            logger.LogWarning("The webhook intake refused deliveries from {From} until it stored one at {To}: recorded a gap for {Count} connections",
                firstRefusal, storedAgain, connections.Count);
            return true;
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Could not record the webhook intake's refusals from {From} to {To}; trying again", firstRefusal, storedAgain);
            return false;
        }
    }
}
