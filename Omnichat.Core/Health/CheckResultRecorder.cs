using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Health;

/// <summary>
/// Stores one run's verdicts team by team, each team in one transaction: the check results, status changes,
/// episodes, and, when episodes started, the one reminder e-mail for them. Inconclusive results change nothing.
/// </summary>
public sealed class CheckResultRecorder(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    ChannelChangeNotifier notifier,
    OutboxSignal outbox,
    ILogger<CheckResultRecorder> logger)
{
    private const int ChunkSize = 500;

    /// <returns>How many failure episodes started.</returns>
    public async Task<int> RecordAsync(Guid runId, IReadOnlyDictionary<Guid, PageVerdict> verdicts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (verdicts.Count == 0)
        {
            return 0;
        }
        Dictionary<Guid, Guid> teams;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var ids = verdicts.Keys.ToList();
            teams = await db.PageConnections.AsNoTracking().Where(c => ids.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.TeamId, cancellationToken);
        }

        var started = 0;
        foreach (var team in verdicts.Where(v => teams.ContainsKey(v.Key)).GroupBy(v => teams[v.Key]))
        {
            var teamVerdicts = team.ToDictionary(v => v.Key, v => v.Value);
            try
            {
                started += await RecordTeamAsync(runId, team.Key, teamVerdicts, at, cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                // Another run opened an episode for one of these connections first; the unique index said no.
                // Read again and apply on top of what that run wrote, so its episode (and its e-mail) stays the only one.
                logger.LogInformation(ex, "Run {RunId} raced another check for team {TeamId}; applying again", runId, team.Key);
                started += await RecordTeamAsync(runId, team.Key, teamVerdicts, at, cancellationToken);
            }
            await notifier.NotifyAsync(team.Key);
        }
        if (started > 0)
        {
            outbox.Notify();
        }
        return started;
    }

    private async Task<int> RecordTeamAsync(Guid runId, Guid teamId, IReadOnlyDictionary<Guid, PageVerdict> verdicts,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var started = new List<(Guid EpisodeId, FailedPage Page)>();
        // Saved in chunks inside the one transaction: a team with thousands of pages would otherwise keep every
        // connection and result tracked at once.
        foreach (var chunk in verdicts.Chunk(ChunkSize))
        {
            started.AddRange(await RecordChunkAsync(db, runId, teamId, chunk, at, cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        if (started.Count > 0)
        {
            await AnnounceAsync(db, runId, teamId, started, at, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return started.Count;
    }

    private static async Task<List<(Guid EpisodeId, FailedPage Page)>> RecordChunkAsync(OmnichatDbContext db, Guid runId, Guid teamId,
        IReadOnlyList<KeyValuePair<Guid, PageVerdict>> verdicts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ids = verdicts.Select(v => v.Key).ToList();
        var connections = await db.PageConnections
            .Where(c => ids.Contains(c.Id) && c.Status != ConnectionStatus.Disconnected)
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var open = await db.FailureEpisodes.Where(e => ids.Contains(e.ConnectionId) && e.EndedAt == null)
            .ToDictionaryAsync(e => e.ConnectionId, cancellationToken);

        var started = new List<(Guid EpisodeId, FailedPage Page)>();
        foreach (var (connectionId, verdict) in verdicts)
        {
            // Disconnected while the check ran: its result no longer matters.
            if (!connections.TryGetValue(connectionId, out var connection))
            {
                continue;
            }
            db.ConnectionChecks.Add(new ConnectionCheck
            {
                ConnectionId = connectionId,
                TeamId = teamId,
                RunId = runId,
                At = at,
                Outcome = verdict.Outcome,
                Status = verdict.Outcome == CheckOutcome.Inconclusive ? connection.Status : verdict.Status,
                Cause = verdict.Cause,
                ErrorCode = verdict.Error?.Code,
                ErrorSubcode = verdict.Error?.Subcode,
                FbTraceId = verdict.Error?.FbTraceId,
                Detail = verdict.Detail ?? verdict.Error?.ToString(),
            });
            connection.LastCheckedAt = at;
            if (verdict.Outcome == CheckOutcome.Inconclusive)
            {
                continue;
            }
            // No Graph call reads a page's Messenger receiver; only events arriving under "messaging" again clear it.
            if (verdict.Outcome != CheckOutcome.Failed && connection.Status == ConnectionStatus.NotMessengerReceiver)
            {
                continue;
            }
            connection.LastError = verdict.Outcome == CheckOutcome.Failed ? verdict.Error?.ToString() ?? verdict.Detail : null;
            if (verdict.Outcome == CheckOutcome.Repaired)
            {
                db.ConnectionEvents.Add(new ConnectionEvent
                {
                    ConnectionId = connectionId,
                    TeamId = teamId,
                    Kind = ConnectionEventKind.Resubscribed,
                    At = at,
                    ActorName = "system",
                    Detail = verdict.Detail,
                });
            }
            var episode = ConnectionStatusChange.Apply(db, connection, open.GetValueOrDefault(connectionId),
                verdict.Status, verdict.Cause, at, verdict.Detail ?? verdict.Error?.ToString(), runId);
            if (episode is not null)
            {
                started.Add((episode.Id, new FailedPage(connection.Id, connection.PageId, connection.PageName, episode.Status, episode.Cause)));
            }
        }
        return started;
    }

    // Pages that fail in the same run share one e-mail; a team whose plan has ended gets none, and that is recorded.
    private static async Task AnnounceAsync(OmnichatDbContext db, Guid runId, Guid teamId,
        IReadOnlyList<(Guid EpisodeId, FailedPage Page)> started, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Id == teamId, cancellationToken);
        var email = new OutboxEmail
        {
            TeamId = teamId,
            Kind = EmailKind.ConnectionFailure,
            RunId = runId,
            Payload = OutboxPayloadJson.Serialize(new ConnectionFailurePayload(started.Select(s => s.Page).ToList())),
            State = TeamPlan.HasEnded(team, at) ? EmailState.Suppressed : EmailState.Pending,
            CreatedAt = at,
            NextAttemptAt = at,
        };
        db.OutboxEmails.Add(email);
        await db.SaveChangesAsync(cancellationToken);
        var episodeIds = started.Select(s => s.EpisodeId).ToList();
        await db.FailureEpisodes.Where(e => episodeIds.Contains(e.Id))
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.EmailId, email.Id), cancellationToken);
    }
}
