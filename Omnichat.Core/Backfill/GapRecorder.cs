using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;

namespace Omnichat.Core.Backfill;

/// <summary>
/// The one place gaps open and close, inside the caller's transaction. A gap opens when a check finds the page
/// unsubscribed or the app removed, reaching back to the last check that saw the page working (the events may have
/// stopped any time since); it closes when the connection is healthy again, which queues its back-fill.
/// </summary>
public static class GapRecorder
{
    /// <summary>Applies one chunk of a check run's verdicts to the gaps of those connections.</summary>
    /// <returns>How many gaps closed, so the caller wakes the back-fill worker once it committed.</returns>
    public static async Task<int> RecordChecksAsync(OmnichatDbContext db, IReadOnlyDictionary<Guid, PageConnection> connections,
        IEnumerable<KeyValuePair<Guid, PageVerdict>> verdicts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var decided = verdicts.Where(v => v.Value.Outcome != CheckOutcome.Inconclusive && connections.ContainsKey(v.Key)).ToList();
        if (decided.Count == 0)
        {
            return 0;
        }
        var ids = decided.Select(v => v.Key).ToList();
        var open = (await db.EventGaps.Where(g => ids.Contains(g.ConnectionId) && g.EndedAt == null).ToListAsync(cancellationToken))
            .ToLookup(g => g.ConnectionId);
        var missing = decided.Where(v => Opens(v.Value) is not null && !open[v.Key].Any()).Select(v => v.Key).ToList();
        // This run's results are not saved yet, so the query sees only earlier checks.
        var lastPassed = missing.Count == 0
            ? []
            : await db.ConnectionChecks.Where(c => missing.Contains(c.ConnectionId) && c.Outcome == CheckOutcome.Passed)
                .GroupBy(c => c.ConnectionId).Select(g => new { g.Key, At = g.Max(c => c.At) })
                .ToDictionaryAsync(g => g.Key, g => g.At, cancellationToken);

        var closed = 0;
        foreach (var (connectionId, verdict) in decided)
        {
            var connection = connections[connectionId];
            var cause = Opens(verdict);
            if (cause is { } opened && !open[connectionId].Any())
            {
                var gap = Open(db, connection, opened, lastPassed.TryGetValue(connectionId, out var passed) ? passed : connection.ConnectedAt, at);
                // Subscribed again in the same check: the gap ends as soon as it is found.
                if (verdict.Outcome == CheckOutcome.Repaired)
                {
                    Close(gap, at);
                    closed++;
                }
                continue;
            }
            if (verdict.Status == ConnectionStatus.Healthy)
            {
                foreach (var gap in open[connectionId])
                {
                    Close(gap, at);
                    closed++;
                }
            }
        }
        return closed;
    }

    /// <summary>Closes the connection's open gaps when its status changes outside a check (reauthorized, disconnected).</summary>
    public static async Task StatusChangedAsync(OmnichatDbContext db, PageConnection connection, ConnectionStatus status, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (status is not (ConnectionStatus.Healthy or ConnectionStatus.Disconnected))
        {
            return;
        }
        foreach (var gap in await db.EventGaps.Where(g => g.ConnectionId == connection.Id && g.EndedAt == null).ToListAsync(cancellationToken))
        {
            if (status == ConnectionStatus.Healthy)
            {
                Close(gap, at);
            }
            else
            {
                gap.EndedAt = at;
                gap.Backfill = BackfillState.Skipped;
            }
        }
    }

    /// <summary>A window already over (the console's downtime, a support request): recorded closed, its back-fill queued.</summary>
    public static EventGap AddClosed(OmnichatDbContext db, PageConnection connection, GapCause cause, DateTimeOffset from, DateTimeOffset to,
        DateTimeOffset at, string? requestedBy = null)
    {
        var gap = Open(db, connection, cause, from, at);
        gap.RequestedBy = requestedBy;
        Close(gap, to);
        return gap;
    }

    private static GapCause? Opens(PageVerdict verdict) => verdict switch
    {
        { Outcome: CheckOutcome.Repaired } => GapCause.Unsubscribed,
        { Outcome: CheckOutcome.Failed, Status: ConnectionStatus.WebhookNotSubscribed } => GapCause.Unsubscribed,
        { Outcome: CheckOutcome.Failed, Cause: FailureCause.AppRemoved or FailureCause.BusinessAppRemoved } => GapCause.AppRemoved,
        _ => null,
    };

    /// <summary>
    /// No gap reaches before the page was connected: what customers wrote earlier is not ours to import (FAQ 3), whether
    /// the window came from a check, a downtime or a support request.
    /// </summary>
    public static DateTimeOffset ClipToConnection(DateTimeOffset since, PageConnection connection) =>
        since < connection.ConnectedAt ? connection.ConnectedAt : since;

    private static EventGap Open(OmnichatDbContext db, PageConnection connection, GapCause cause, DateTimeOffset since, DateTimeOffset at)
    {
        var gap = new EventGap
        {
            ConnectionId = connection.Id,
            TeamId = connection.TeamId,
            PageId = connection.PageId,
            Cause = cause,
            StartedAt = ClipToConnection(since, connection),
            DetectedAt = at,
            Backfill = BackfillState.Waiting,
        };
        db.EventGaps.Add(gap);
        return gap;
    }

    private static void Close(EventGap gap, DateTimeOffset at)
    {
        gap.EndedAt = at;
        gap.Backfill = BackfillState.Pending;
    }
}
