using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;

namespace Omnichat.Core.Backfill;

/// <summary>
/// Runs back-fills of closed gaps in the background, several pages at once and one gap per page at a time. A gap is
/// claimed with a lease in the database, so with several console instances each runs once, and one whose worker died
/// is taken over when its lease runs out.
/// </summary>
public sealed class BackfillWorker(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    IServiceScopeFactory scopes,
    BackfillSignal signal,
    IOptions<BackfillOptions> options,
    TimeProvider time,
    ILogger<BackfillWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var running = new Dictionary<string, Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var done in running.Where(r => r.Value.IsCompleted).Select(r => r.Key).ToList())
            {
                running.Remove(done);
            }
            try
            {
                foreach (var (gapId, pageId) in await ClaimAsync(running.Keys, options.Value.ParallelPages - running.Count, stoppingToken))
                {
                    running[pageId] = RunAsync(gapId, stoppingToken);
                }
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException
                                       && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Back-fill worker could not claim gaps; trying again at the next poll");
            }
            var next = running.Count == 0 ? signal.WaitAsync(options.Value.PollInterval, stoppingToken)
                : Task.WhenAny(signal.WaitAsync(options.Value.PollInterval, stoppingToken), Task.WhenAny(running.Values));
            await next;
        }
        await Task.WhenAll(running.Values);
    }

    private async Task RunAsync(Guid gapId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<BackfillRunner>().RunAsync(gapId, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the runner put the gap back; the next start (or another instance) redoes it.
        }
        catch (Exception ex)
        {
            // One failing back-fill must not stop the others; its lease runs out and it is tried again.
            logger.LogError(ex, "Back-fill of gap {GapId} failed", gapId);
        }
    }

    /// <summary>Takes up to <paramref name="room"/> gaps of pages not being read, oldest first.</summary>
    private async Task<List<(Guid GapId, string PageId)>> ClaimAsync(IReadOnlyCollection<string> busyPages, int room, CancellationToken cancellationToken)
    {
        var claimed = new List<(Guid, string)>();
        if (room <= 0)
        {
            return claimed;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var candidates = await db.EventGaps.AsNoTracking()
            .Where(g => g.Backfill == BackfillState.Pending || (g.Backfill == BackfillState.Running && g.LeaseUntil < now))
            .OrderBy(g => g.DetectedAt)
            .Select(g => new { g.Id, g.PageId, g.Backfill })
            .Take(room * 4 + busyPages.Count)
            .ToListAsync(cancellationToken);
        var pages = new HashSet<string>(busyPages);
        foreach (var candidate in candidates)
        {
            if (claimed.Count >= room || !pages.Add(candidate.PageId))
            {
                continue;
            }
            var leaseUntil = now + options.Value.Lease;
            // Only one worker's update matches the state it read: that one owns the gap.
            var taken = await db.EventGaps
                .Where(g => g.Id == candidate.Id && (g.Backfill == BackfillState.Pending || (g.Backfill == BackfillState.Running && g.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(g => g.Backfill, BackfillState.Running)
                    .SetProperty(g => g.LeaseUntil, leaseUntil)
                    .SetProperty(g => g.BackfillStartedAt, now), cancellationToken);
            if (taken == 1)
            {
                claimed.Add((candidate.Id, candidate.PageId));
            }
            else
            {
                pages.Remove(candidate.PageId);
            }
        }
        return claimed;
    }
}
