using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Backfill;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core.Health;

/// <summary>
/// Stores one run's verdicts team by team, each team in one transaction: the check results, status changes,
/// episodes, and, when episodes started, the one reminder e-mail for them, unless the team was already told about
/// that failure (<see cref="FailureNotice"/>). Inconclusive results change nothing.
/// </summary>
public sealed class CheckResultRecorder(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    ChannelChangeNotifier notifier,
    OutboxSignal outbox,
    BackfillSignal backfill,
    OmnichatMetrics metrics,
    ILogger<CheckResultRecorder> logger)
{
    // Connections, checks and events of a chunk live until its save; at 500 a chunk they lived through enough
    // collections to reach the oldest generation, and a 100,000-page check grew the working set by 300-450 MB, at 100
    // by 120 MB under the same load (benchmark health, README).
    private const int ChunkSize = 100;

    /// <returns>How many failure episodes started and how many connections moved to a backup authorization instead.</returns>
    public async Task<RecordedResults> RecordAsync(Guid runId, IReadOnlyDictionary<Guid, PageVerdict> verdicts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (verdicts.Count == 0)
        {
            return new RecordedResults(0, 0);
        }
        var teams = new Dictionary<Guid, Guid>(verdicts.Count);
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            // In chunks: one query with every id of a 100,000-page run has more parameters than SQLite (32,766) or
            // PostgreSQL (65,535) take, and the whole check failed at the end.
            foreach (var ids in verdicts.Keys.Chunk(ChunkSize))
            {
                foreach (var connection in await db.PageConnections.AsNoTracking().Where(c => ids.Contains(c.Id))
                             .Select(c => new { c.Id, c.TeamId }).ToListAsync(cancellationToken))
                {
                    teams[connection.Id] = connection.TeamId;
                }
            }
        }

        var started = 0;
        var failedOver = 0;
        var emailed = false;
        var gapsClosed = 0;
        foreach (var team in verdicts.Where(v => teams.ContainsKey(v.Key)).GroupBy(v => teams[v.Key]))
        {
            var teamVerdicts = team.ToDictionary(v => v.Key, v => v.Value);
            TeamResult result;
            try
            {
                result = await RecordTeamAsync(runId, team.Key, teamVerdicts, at, cancellationToken);
            }
            catch (DbUpdateException ex)
            {
                // Another run opened an episode for one of these connections, or announced the same failure, first; a
                // unique index said no. Read again and apply on top of what that run wrote, so its episode and its
                // e-mail stay the only ones.
                logger.LogInformation(ex, "Run {RunId} raced another check for team {TeamId}; applying again", runId, team.Key);
                result = await RecordTeamAsync(runId, team.Key, teamVerdicts, at, cancellationToken);
            }
            started += result.Started;
            failedOver += result.FailedOver.Count;
            foreach (var cause in result.FailedOver)
            {
                metrics.FailedOver(cause);
            }
            emailed |= result.Emailed;
            gapsClosed += result.GapsClosed;
            await notifier.NotifyAsync(team.Key);
        }
        if (emailed)
        {
            outbox.Notify();
        }
        // A page subscribed again: read what it missed now, not at the worker's next poll.
        if (gapsClosed > 0)
        {
            backfill.Notify();
        }
        return new RecordedResults(started, failedOver);
    }

    private async Task<TeamResult> RecordTeamAsync(Guid runId, Guid teamId, IReadOnlyDictionary<Guid, PageVerdict> verdicts,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var started = new List<StartedEpisode>();
        var failedOver = new List<FailureCause>();
        var gapsClosed = 0;
        // Saved in chunks inside the one transaction: a team with thousands of pages would otherwise keep every
        // connection and result tracked at once.
        foreach (var chunk in verdicts.Chunk(ChunkSize))
        {
            var recorded = await RecordChunkAsync(db, runId, teamId, chunk, at, cancellationToken);
            started.AddRange(recorded.Started);
            failedOver.AddRange(recorded.FailedOver);
            gapsClosed += recorded.GapsClosed;
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        var emailed = started.Count > 0 && await AnnounceAsync(db, runId, teamId, started, at, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new TeamResult(started.Count, emailed, failedOver, gapsClosed);
    }

    /// <returns>The episodes started, why the token in use ended for each connection that moved to a backup authorization, and how many gaps in the pages' events closed.</returns>
    private static async Task<(List<StartedEpisode> Started, List<FailureCause> FailedOver, int GapsClosed)> RecordChunkAsync(OmnichatDbContext db, Guid runId, Guid teamId,
        IReadOnlyList<KeyValuePair<Guid, PageVerdict>> verdicts, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ids = verdicts.Select(v => v.Key).ToList();
        var connections = await db.PageConnections
            .Where(c => ids.Contains(c.Id) && c.Status != ConnectionStatus.Disconnected)
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        var open = await db.FailureEpisodes.Where(e => ids.Contains(e.ConnectionId) && e.EndedAt == null)
            .ToDictionaryAsync(e => e.ConnectionId, cancellationToken);
        var authorizationIds = verdicts.SelectMany(v => v.Value.Authorizations).Select(a => a.AuthorizedPageId).ToList();
        var authorizations = authorizationIds.Count == 0
            ? []
            : await db.AuthorizedPages.Where(p => authorizationIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var systemUsers = await SystemUserGrantsAsync(db, connections.Values, authorizations.Values, cancellationToken);

        var started = new List<StartedEpisode>();
        var applied = new List<KeyValuePair<Guid, PageVerdict>>(verdicts.Count);
        var failedOver = new List<FailureCause>();
        foreach (var (connectionId, found) in verdicts)
        {
            // Disconnected while the check ran: its result no longer matters.
            if (!connections.TryGetValue(connectionId, out var connection))
            {
                continue;
            }
            // Reauthorized, or moved to a backup, while Facebook was being asked: the answer is about a token the page
            // no longer runs on, and applying it would break a page that was just fixed.
            if (found.TokenChecked is { } checkedToken && connection.ProtectedPageToken is { } current && TokenFingerprint.Of(current) != checkedToken)
            {
                continue;
            }
            foreach (var result in found.Authorizations)
            {
                if (authorizations.TryGetValue(result.AuthorizedPageId, out var authorization))
                {
                    if (result.Works)
                    {
                        Authorizations.MarkValid(authorization);
                    }
                    else
                    {
                        Authorizations.MarkInvalid(authorization, Authorizations.CauseFor(KindOf(authorization.GrantId, systemUsers), result.Cause), at);
                    }
                }
            }
            var said = found.Outcome == CheckOutcome.Failed
                ? found with { Cause = Authorizations.CauseFor(KindOf(connection.GrantId, systemUsers), found.Cause) }
                : found;
            var verdict = await FailOverAsync(db, connection, said, at, cancellationToken);
            if (verdict != said)
            {
                failedOver.Add(found.Cause);
            }
            applied.Add(new(connectionId, verdict));
            db.ConnectionChecks.Add(new ConnectionCheck
            {
                ConnectionId = connectionId,
                TeamId = teamId,
                RunId = runId,
                At = at,
                Outcome = verdict.Outcome,
                Status = verdict.Outcome == CheckOutcome.Inconclusive ? connection.Status : verdict.Status,
                Cause = verdict.Cause,
                Reason = verdict.Reason,
                ErrorCode = verdict.Error?.Code,
                ErrorSubcode = verdict.Error?.Subcode,
                FbTraceId = verdict.Error?.FbTraceId,
                HttpStatus = verdict.Error?.HttpStatus,
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
                started.Add(new StartedEpisode(episode.Id,
                    new FailedPage(connection.Id, connection.PageId, connection.PageName, episode.Status, episode.Cause, episode.StartedAt),
                    FailureNotice.PersonOf(episode.Status, connection.FacebookUserId)));
            }
        }
        var gapsClosed = await GapRecorder.RecordChecksAsync(db, connections, applied, at, cancellationToken);
        return (await WithPeopleAsync(db, teamId, started, cancellationToken), failedOver, gapsClosed);
    }

    /// <summary>
    /// The grants among these connections' and authorizations' that are a business's system user: what ends their
    /// tokens is said as the business removing our app (<see cref="Authorizations.CauseFor"/>), by every path that
    /// records a result (the check, a failed reply, the deauthorize callback, a consent that left a page out).
    /// </summary>
    private static async Task<HashSet<Guid>> SystemUserGrantsAsync(OmnichatDbContext db, IEnumerable<PageConnection> connections,
        IEnumerable<AuthorizedPage> authorizations, CancellationToken cancellationToken)
    {
        var grantIds = connections.Where(c => c.GrantId is not null).Select(c => c.GrantId!.Value)
            .Concat(authorizations.Select(a => a.GrantId)).Distinct().ToList();
        return grantIds.Count == 0
            ? []
            : [.. await db.FacebookGrants.AsNoTracking().Where(g => grantIds.Contains(g.Id) && g.Kind == GrantKind.SystemUser)
                .Select(g => g.Id).ToListAsync(cancellationToken)];
    }

    private static GrantKind KindOf(Guid? grantId, HashSet<Guid> systemUsers) =>
        grantId is Guid id && systemUsers.Contains(id) ? GrantKind.SystemUser : GrantKind.Person;

    /// <summary>
    /// The e-mail names whose authorizations ended and who can authorize again, as the banner does: every member who
    /// fully controls each page, as this chunk left them (saved first, so the marks of this run are read back).
    /// </summary>
    private static async Task<List<StartedEpisode>> WithPeopleAsync(OmnichatDbContext db, Guid teamId, List<StartedEpisode> started,
        CancellationToken cancellationToken)
    {
        if (started.Count == 0)
        {
            return started;
        }
        await db.SaveChangesAsync(cancellationToken);
        var people = await Authorizations.PeopleAsync(db, teamId, [.. started.Select(s => s.Page.PageId).Distinct()], cancellationToken);
        return [.. started.Select(s => s with { Page = s.Page with { People = [.. people[s.Page.PageId]] } })];
    }

    /// <summary>
    /// A failure of the token in use that is its person's, while another person's token works, is no failure of the
    /// page: the backup takes over and the page passes. Anything else stays as found.
    /// </summary>
    private static async Task<PageVerdict> FailOverAsync(OmnichatDbContext db, PageConnection connection, PageVerdict verdict,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (verdict.Outcome != CheckOutcome.Failed || !Authorizations.IsTiedToPerson(verdict.Cause))
        {
            return verdict;
        }
        var from = connection.FacebookUserName ?? "";
        return await AuthorizationFailover.FailOverAsync(db, connection, verdict.Cause, at, cancellationToken) is { } backup
            ? PageVerdict.Passed() with
            {
                Detail = HistoryNote.FailedOver(from, verdict.Cause, backup.Grant!.FacebookUserName),
                Authorizations = verdict.Authorizations,
            }
            : verdict;
    }

    /// <summary>
    /// One e-mail for one failure. Episodes whose failure the team was already told about (an open notice of the same
    /// cause and person) join that notice and its e-mail; the rest share one new e-mail for this run, with a notice per
    /// cause and person. A team whose plan has ended gets none, and that is recorded.
    /// </summary>
    /// <returns>Whether a new e-mail was queued.</returns>
    private async Task<bool> AnnounceAsync(OmnichatDbContext db, Guid runId, Guid teamId,
        IReadOnlyList<StartedEpisode> started, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A notice whose pages have all recovered frees its key: the same failure again is news again. This run's
        // recoveries are saved already; its new episodes belong to no notice yet, so they keep none open.
        await db.FailureNotices
            .Where(n => n.TeamId == teamId && n.EndedAt == null && !db.FailureEpisodes.Any(e => e.NoticeId == n.Id && e.EndedAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.EndedAt,
                n => db.FailureEpisodes.Where(e => e.NoticeId == n.Id).Max(e => e.EndedAt) ?? at), cancellationToken);
        var open = await db.FailureNotices.AsNoTracking().Where(n => n.TeamId == teamId && n.EndedAt == null)
            .ToDictionaryAsync(n => (n.Cause, n.Person), cancellationToken);

        var fresh = new List<StartedEpisode>();
        foreach (var group in started.GroupBy(s => (s.Page.Cause, s.Person)))
        {
            if (open.TryGetValue(group.Key, out var notice))
            {
                await LinkAsync(db, group, notice.Id, notice.EmailId, cancellationToken);
                logger.LogInformation(
                    "Run {RunId}: {Count} more pages of team {TeamId} fail from {Cause}, already e-mailed in {EmailId}; no new e-mail",
                    runId, group.Count(), teamId, group.Key.Cause, notice.EmailId);
            }
            else
            {
                fresh.AddRange(group);
            }
        }
        if (fresh.Count == 0)
        {
            return false;
        }

        var team = await db.Teams.AsNoTracking().SingleAsync(t => t.Id == teamId, cancellationToken);
        var email = new OutboxEmail
        {
            TeamId = teamId,
            Kind = EmailKind.ConnectionFailure,
            RunId = runId,
            Payload = OutboxPayloadJson.Serialize(new ConnectionFailurePayload(fresh.Select(s => s.Page).ToList())),
            State = TeamPlan.HasEnded(team, at) ? EmailState.Suppressed : EmailState.Pending,
            CreatedAt = at,
            NextAttemptAt = at,
        };
        db.OutboxEmails.Add(email);
        var notices = fresh.GroupBy(s => (s.Page.Cause, s.Person))
            .Select(g => (Episodes: g, Notice: new FailureNotice
            {
                TeamId = teamId,
                Cause = g.Key.Cause,
                Person = g.Key.Person,
                EmailId = email.Id,
                RunId = runId,
                StartedAt = at,
            }))
            .ToList();
        db.FailureNotices.AddRange(notices.Select(n => n.Notice));
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (episodes, notice) in notices)
        {
            await LinkAsync(db, episodes, notice.Id, email.Id, cancellationToken);
        }
        return true;
    }

    private static Task LinkAsync(OmnichatDbContext db, IEnumerable<StartedEpisode> episodes, Guid noticeId, Guid emailId,
        CancellationToken cancellationToken)
    {
        var ids = episodes.Select(s => s.EpisodeId).ToList();
        return db.FailureEpisodes.Where(e => ids.Contains(e.Id))
            .ExecuteUpdateAsync(e => e.SetProperty(x => x.NoticeId, noticeId).SetProperty(x => x.EmailId, emailId), cancellationToken);
    }

    private sealed record StartedEpisode(Guid EpisodeId, FailedPage Page, string Person);

    /// <param name="FailedOver">Why the token in use ended, once per connection that moved to a backup.</param>
    private readonly record struct TeamResult(int Started, bool Emailed, IReadOnlyList<FailureCause> FailedOver, int GapsClosed);
}
