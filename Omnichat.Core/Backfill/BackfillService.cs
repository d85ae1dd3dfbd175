using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Backfill;

/// <summary>The gaps pages show, and the support action that reads a chosen window back again.</summary>
public sealed class BackfillService(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    BackfillSignal signal,
    TimeProvider time,
    ILogger<BackfillService> logger)
{
    /// <summary>How long the channel page keeps telling about a gap.</summary>
    public static readonly TimeSpan ShownFor = TimeSpan.FromDays(7);

    /// <summary>
    /// Queues a back-fill of <paramref name="from"/>–<paramref name="to"/> for a connection: support staff for any team,
    /// a team's admin for their own. The window never reaches before the page was connected (FAQ 3).
    /// </summary>
    public async Task<BackfillRequestOutcome> RequestAsync(Caller caller, Guid connectionId, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (to <= from || to > now)
        {
            return new(BackfillRequestKind.BadWindow);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.PageConnections.SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null || !(caller.IsSupport || caller.TeamId == connection.TeamId))
        {
            return new(BackfillRequestKind.NotFound);
        }
        if (!caller.IsSupport && !caller.CanChangeConnections)
        {
            return new(BackfillRequestKind.NotAllowed);
        }
        if (connection.Status == ConnectionStatus.Disconnected)
        {
            return new(BackfillRequestKind.NotConnected);
        }
        if (to <= GapRecorder.ClipToConnection(from, connection))
        {
            return new(BackfillRequestKind.BadWindow);
        }
        var gap = GapRecorder.AddClosed(db, connection, GapCause.SupportRequest, from, to, now, caller.DisplayName);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        logger.LogInformation("{User} asked to recover page {PageId} from {From} to {To} (gap {GapId})", caller.UserId, connection.PageId, from, to, gap.Id);
        return new(BackfillRequestKind.Queued, GapSummary.Of(gap));
    }

    /// <summary>The latest gap of each of the caller's team's connections in the last week, for the channel page.</summary>
    public async Task<IReadOnlyDictionary<Guid, GapSummary>> LatestAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId)
        {
            return new Dictionary<Guid, GapSummary>();
        }
        var since = time.GetUtcNow() - ShownFor;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var gaps = await db.EventGaps.AsNoTracking()
            .Where(g => g.TeamId == teamId && (g.EndedAt == null || g.EndedAt >= since))
            .ToListAsync(cancellationToken);
        return gaps.GroupBy(g => g.ConnectionId).ToDictionary(g => g.Key, g => GapSummary.Of(g.MaxBy(x => x.DetectedAt)!));
    }
}
