using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Backfill;
using Omnichat.Core.Data;
using Omnichat.Core.Health;

namespace Omnichat.Core.Channels;

/// <summary>
/// The one place a connection's status changes and its failure episodes start and end, so every change lands in
/// its history. An episode starts when a connection leaves Healthy and ends when it returns (or is disconnected).
/// </summary>
public static class ConnectionStatusChange
{
    /// <summary>Applies the status when the caller already knows the connection's open episode (the checker loads them in bulk).</summary>
    /// <returns>The episode this change started, or null when none started.</returns>
    public static FailureEpisode? Apply(OmnichatDbContext db, PageConnection connection, FailureEpisode? openEpisode,
        ConnectionStatus status, FailureCause cause, DateTimeOffset at, string? detail, Guid runId = default)
    {
        if (connection.Status != status || connection.Cause != cause)
        {
            connection.Status = status;
            connection.Cause = cause;
            connection.StatusChangedAt = at;
            db.ConnectionEvents.Add(new ConnectionEvent
            {
                ConnectionId = connection.Id,
                TeamId = connection.TeamId,
                Kind = ConnectionEventKind.StatusChanged,
                At = at,
                ActorName = "system",
                Status = status,
                Cause = cause,
                Detail = detail,
            });
        }

        if (!ConnectionHealth.IsFailing(status))
        {
            if (openEpisode is not null)
            {
                openEpisode.EndedAt = at;
            }
            return null;
        }
        if (openEpisode is not null)
        {
            // Still the same failure episode; its cause may have moved on (e.g. role lost, then app removed).
            openEpisode.Status = status;
            openEpisode.Cause = cause;
            return null;
        }
        var episode = new FailureEpisode
        {
            ConnectionId = connection.Id,
            TeamId = connection.TeamId,
            StartedAt = at,
            Status = status,
            Cause = cause,
            RunId = runId,
        };
        db.FailureEpisodes.Add(episode);
        return episode;
    }

    /// <summary>Applies the status, looking up the connection's open episode first.</summary>
    public static async Task<FailureEpisode?> ApplyAsync(OmnichatDbContext db, PageConnection connection, ConnectionStatus status,
        FailureCause cause, DateTimeOffset at, string? detail, CancellationToken cancellationToken)
    {
        var open = await db.FailureEpisodes.SingleOrDefaultAsync(e => e.ConnectionId == connection.Id && e.EndedAt == null, cancellationToken);
        // Reauthorized or connected again: events flow, so a gap in them ends (and its back-fill is queued).
        await GapRecorder.StatusChangedAsync(db, connection, status, at, cancellationToken);
        return Apply(db, connection, open, status, cause, at, detail);
    }
}
