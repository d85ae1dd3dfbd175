using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Backfill;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Integrations;

/// <summary>
/// Reads connections with their health history for the integration status pages: support staff across every team,
/// team members for their own team. Read-only; changes go through <see cref="ConnectionService"/> and
/// <see cref="CheckNowService"/>, which apply their own rules.
/// </summary>
public sealed class IntegrationStatusService(IDbContextFactory<OmnichatDbContext> dbFactory, TimeProvider clock)
{
    private const int ExportChunk = 500;

    // Details are stored as notes, not sentences; the pages asking are rendered in the reader's language (the
    // circuit's UI culture, which the language switch sets), so the notes are worded in it here, like the rest of the page.
    private static ConnectionWords Words => ConnectionWords.For(CultureInfo.CurrentUICulture);

    /// <summary>One page of the list, its total and the counts per status.</summary>
    public async Task<IntegrationList> ListAsync(Caller caller, IntegrationQuery query, CancellationToken cancellationToken)
    {
        if (!caller.IsSupport && caller.TeamId is null)
        {
            return IntegrationList.Empty;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = TeamPlan.Today(clock.GetUtcNow());
        var filtered = Filter(db, caller, query, today);
        var counts = await filtered.GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var total = counts.Where(c => Matches(query.Status, c.Key)).Sum(c => c.Value);

        var size = Math.Clamp(query.PageSize, 1, IntegrationQuery.MaxPageSize);
        var skip = Math.Max(0, query.Page) * size;
        var rows = new List<IntegrationRow>(size);
        // Sorted buckets one after the other; whole buckets before the page are skipped by their count, unread.
        foreach (var (bucket, statuses) in Buckets(db, filtered, query, today))
        {
            var count = statuses is null ? total : statuses.Sum(s => counts.GetValueOrDefault(s));
            if (skip >= count)
            {
                skip -= count;
                continue;
            }
            rows.AddRange(await bucket.Skip(skip).Take(size - rows.Count).ToListAsync(cancellationToken));
            skip = 0;
            if (rows.Count == size)
            {
                break;
            }
        }
        return new IntegrationList(await WithLastEmailsAsync(db, rows, cancellationToken), total, counts);
    }

    /// <summary>Every row matching the filters, in the list's order, for the CSV export; read in chunks so memory stays flat.</summary>
    public async IAsyncEnumerable<IntegrationRow> ExportAsync(Caller caller, IntegrationQuery query,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!caller.IsSupport && caller.TeamId is null)
        {
            yield break;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var lookups = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = TeamPlan.Today(clock.GetUtcNow());
        var chunk = new List<IntegrationRow>(ExportChunk);
        foreach (var (bucket, _) in Buckets(db, Filter(db, caller, query, today), query, today))
        {
            await foreach (var row in bucket.AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                chunk.Add(row);
                if (chunk.Count == ExportChunk)
                {
                    foreach (var done in await WithLastEmailsAsync(lookups, chunk, cancellationToken))
                    {
                        yield return done;
                    }
                    chunk.Clear();
                }
            }
        }
        foreach (var done in await WithLastEmailsAsync(lookups, chunk, cancellationToken))
        {
            yield return done;
        }
    }

    /// <summary>The connection's header for its detail page, or null when it does not exist or the caller may not read it.</summary>
    public async Task<ConnectionDetail?> GetDetailAsync(Caller caller, Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = TeamPlan.Today(clock.GetUtcNow());
        var connection = await IntegrationScope.Visible(db.PageConnections.AsNoTracking(), caller)
            .SingleOrDefaultAsync(c => c.Id == connectionId, cancellationToken);
        if (connection is null)
        {
            return null;
        }
        var row = await Join(db, db.PageConnections.AsNoTracking().Where(c => c.Id == connectionId)).Select(Project(today)).SingleAsync(cancellationToken);
        row = (await WithLastEmailsAsync(db, [row], cancellationToken))[0];
        var error = await db.ConnectionChecks.AsNoTracking()
            .Where(c => c.ConnectionId == connectionId && c.ErrorCode != null)
            .OrderByDescending(c => c.At)
            .Select(c => new GraphErrorRecord(c.At, c.ErrorCode, c.ErrorSubcode, c.FbTraceId, c.Detail))
            .FirstOrDefaultAsync(cancellationToken);
        error = error is null ? null : error with { Detail = Words.Note(error.Detail) };
        return new ConnectionDetail(row, connection.FacebookUserName, connection.ConnectedByName, connection.ConnectedAt,
            connection.DisconnectedAt, connection.DisconnectedByName, error);
    }

    /// <summary>
    /// The connection's history, newest first: checks, status changes, failure episodes, e-mails, repairs and who
    /// connected, disconnected or reauthorized it. Null when the caller may not read the connection.
    /// </summary>
    /// <param name="before">Only entries older than this (the previous page's <see cref="TimelinePage.Before"/>).</param>
    /// <param name="includePassedChecks">False hides passed checks, which are most of a year of hourly history.</param>
    public async Task<TimelinePage?> GetTimelineAsync(Caller caller, Guid connectionId, DateTimeOffset? before, int take,
        bool includePassedChecks, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = await IntegrationScope.Visible(db.PageConnections.AsNoTracking(), caller).AnyAsync(c => c.Id == connectionId, cancellationToken);
        if (!visible)
        {
            return null;
        }
        take = Math.Clamp(take, 1, 500);
        var until = before ?? DateTimeOffset.MaxValue;

        var checks = db.ConnectionChecks.AsNoTracking().Where(c => c.ConnectionId == connectionId && c.At < until);
        if (!includePassedChecks)
        {
            checks = checks.Where(c => c.Outcome != CheckOutcome.Passed);
        }
        var checkEntries = (await checks.OrderByDescending(c => c.At).Take(take + 1).ToListAsync(cancellationToken))
            .Select(c => new TimelineEntry(c.At, TimelineKind.Check, c.Status, c.Cause, c.Outcome, c.ErrorCode, c.ErrorSubcode, c.FbTraceId,
                Detail: Words.Note(c.Detail), Reason: c.Reason, HttpStatus: c.HttpStatus));
        var eventEntries = (await db.ConnectionEvents.AsNoTracking().Where(e => e.ConnectionId == connectionId && e.At < until)
                .OrderByDescending(e => e.At).Take(take + 1).ToListAsync(cancellationToken))
            .Select(e => new TimelineEntry(e.At, KindOf(e.Kind), e.Status, e.Cause, Actor: e.ActorName, Detail: Words.Note(e.Detail)));

        // Episodes and their e-mails are few (one per failure), so all of them are read and cut to the window here.
        var episodes = await db.FailureEpisodes.AsNoTracking().Where(e => e.ConnectionId == connectionId).ToListAsync(cancellationToken);
        var emailIds = episodes.Where(e => e.EmailId != null).Select(e => e.EmailId!.Value).Distinct().ToList();
        var emailRows = (await db.OutboxEmails.AsNoTracking().Where(m => emailIds.Contains(m.Id))
                .Select(m => new { m.RunId, Summary = new EmailSummary(m.Id, m.State, m.SentAt ?? m.CreatedAt, m.Recipients, m.Subject, m.LastError) })
                .ToListAsync(cancellationToken))
            .Select(m => new { m.RunId, Summary = m.Summary with { LastError = Words.Note(m.Summary.LastError) } })
            .ToList();
        var emails = emailRows.ToDictionary(m => m.Summary.Id);
        // An episode announced by another run's e-mail joined a failure the team was already told about.
        DateTimeOffset? JoinedEmailAt(FailureEpisode e) =>
            e.EmailId is { } id && emails.TryGetValue(id, out var m) && m.RunId != e.RunId ? m.Summary.At : null;
        var episodeEntries = episodes.SelectMany(e => e.EndedAt is { } ended
            ? new[] { Started(e, JoinedEmailAt(e)), new TimelineEntry(ended, TimelineKind.EpisodeEnded, e.Status, e.Cause) }
            : [Started(e, JoinedEmailAt(e))]);
        var emailEntries = emails.Values.Select(m => new TimelineEntry(m.Summary.At, TimelineKind.Email, Email: m.Summary));
        // Gaps are few too (one per outage).
        var gapEntries = (await db.EventGaps.AsNoTracking().Where(g => g.ConnectionId == connectionId).ToListAsync(cancellationToken))
            .Select(GapSummary.Of).Where(g => g.At < until).Select(g => new TimelineEntry(g.At, TimelineKind.Gap, Gap: g));

        var merged = checkEntries.Concat(eventEntries).Concat(episodeEntries.Where(e => e.At < until)).Concat(emailEntries.Where(e => e.At < until)).Concat(gapEntries)
            .OrderByDescending(e => e.At).ThenByDescending(e => Rank(e.Kind))
            .ToList();
        if (merged.Count <= take)
        {
            return new TimelinePage(merged, null);
        }
        // Keep everything that shares the last shown instant, so the next page (strictly older) loses nothing.
        var last = merged[take - 1].At;
        var page = merged.TakeWhile((e, i) => i < take || e.At == last).ToList();
        return new TimelinePage(page, last);
    }

    /// <summary>
    /// The team's live connections per status at the end of each of the last <paramref name="days"/> days (UTC), today
    /// included, replayed from the status changes. Null when the caller may not read the team.
    /// </summary>
    public async Task<IReadOnlyList<DailyStatusCounts>?> GetTeamHistoryAsync(Caller caller, Guid teamId, int days, CancellationToken cancellationToken)
    {
        if (!IntegrationScope.CanRead(caller, teamId))
        {
            return null;
        }
        days = Math.Clamp(days, 1, 366);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A day is the team's day: a page that failed at 04:00 in Taipei failed "today" there, not "yesterday" in UTC.
        var zone = LocalTimeFormat.For(await db.Teams.AsNoTracking().Where(t => t.Id == teamId).Select(t => t.TimeZone)
            .FirstOrDefaultAsync(cancellationToken));
        var today = DateOnly.FromDateTime(zone.Local(clock.GetUtcNow()));
        var connections = await db.PageConnections.AsNoTracking().Where(c => c.TeamId == teamId)
            .Select(c => new { c.Id, c.ConnectedAt }).ToListAsync(cancellationToken);
        var changes = (await db.ConnectionEvents.AsNoTracking()
                .Where(e => e.TeamId == teamId && e.Kind == ConnectionEventKind.StatusChanged && e.Status != null)
                .Select(e => new { e.ConnectionId, e.At, Status = e.Status!.Value })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ConnectionId);

        var result = new List<DailyStatusCounts>(days);
        for (var day = today.AddDays(1 - days); day <= today; day = day.AddDays(1))
        {
            var endOfDay = zone.StartOf(day.AddDays(1));
            var counts = new Dictionary<ConnectionStatus, int>();
            foreach (var connection in connections.Where(c => c.ConnectedAt < endOfDay))
            {
                // A connection starts healthy; every later status change is an event.
                var status = changes[connection.Id].Where(e => e.At < endOfDay).MaxBy(e => e.At)?.Status ?? ConnectionStatus.Healthy;
                if (status != ConnectionStatus.Disconnected)
                {
                    counts[status] = counts.GetValueOrDefault(status) + 1;
                }
            }
            result.Add(new DailyStatusCounts(day, counts));
        }
        return result;
    }

    private static TimelineEntry Started(FailureEpisode e, DateTimeOffset? joinedEmailAt) =>
        new(e.StartedAt, TimelineKind.EpisodeStarted, e.Status, e.Cause, JoinedEmailAt: joinedEmailAt);

    // At the same instant a check causes a status change, which opens an episode and queues an e-mail: newest first
    // means the consequence is listed above its cause.
    private static int Rank(TimelineKind kind) => kind switch
    {
        TimelineKind.Check => 0,
        TimelineKind.Repaired or TimelineKind.FailedOver => 1,
        TimelineKind.StatusChanged => 2,
        TimelineKind.EpisodeEnded or TimelineKind.EpisodeStarted => 3,
        TimelineKind.Email => 4,
        _ => 5,
    };

    private static TimelineKind KindOf(ConnectionEventKind kind) => kind switch
    {
        ConnectionEventKind.Connected => TimelineKind.Connected,
        ConnectionEventKind.Disconnected => TimelineKind.Disconnected,
        ConnectionEventKind.Reauthorized => TimelineKind.Reauthorized,
        ConnectionEventKind.StatusChanged => TimelineKind.StatusChanged,
        ConnectionEventKind.SubscribeFailed => TimelineKind.SubscribeFailed,
        ConnectionEventKind.UnsubscribeFailed => TimelineKind.UnsubscribeFailed,
        ConnectionEventKind.Resubscribed => TimelineKind.Repaired,
        ConnectionEventKind.FailedOver => TimelineKind.FailedOver,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static bool Matches(StatusFilter filter, ConnectionStatus status) => filter switch
    {
        StatusFilter.All => true,
        StatusFilter.Failing => ConnectionHealth.IsFailing(status),
        _ => ToStatus(filter) == status,
    };

    private static ConnectionStatus? ToStatus(StatusFilter filter) => filter switch
    {
        StatusFilter.Healthy => ConnectionStatus.Healthy,
        StatusFilter.NeedsReauthorization => ConnectionStatus.NeedsReauthorization,
        StatusFilter.MissingPermission => ConnectionStatus.MissingPermission,
        StatusFilter.NotPageAdmin => ConnectionStatus.NotPageAdmin,
        StatusFilter.WebhookNotSubscribed => ConnectionStatus.WebhookNotSubscribed,
        StatusFilter.NotMessengerReceiver => ConnectionStatus.NotMessengerReceiver,
        StatusFilter.Disconnected => ConnectionStatus.Disconnected,
        _ => null,
    };

    // A class with init properties, not a positional record: EF composes further queries only over member initializers.
    private sealed class Joined
    {
        public required PageConnection Connection { get; init; }
        public required Team Team { get; init; }
        public DateTimeOffset? FailingSince { get; init; }
    }

    /// <summary>
    /// Every filter but the status, on the connections alone: team-level filters (plan, team name) become
    /// <c>TeamId IN (SELECT ...)</c>, so a search reads the narrow list index once instead of joining every row.
    /// </summary>
    private static IQueryable<PageConnection> Filter(OmnichatDbContext db, Caller caller, IntegrationQuery query, DateOnly today)
    {
        var connections = IntegrationScope.Visible(db.PageConnections.AsNoTracking(), caller);
        if (query.TeamId is Guid teamId)
        {
            connections = connections.Where(c => c.TeamId == teamId);
        }
        if (query.Cause is FailureCause cause)
        {
            connections = connections.Where(c => c.Cause == cause);
        }
        if (query.Plan == PlanState.Ended)
        {
            var ended = db.Teams.Where(t => t.PlanEndsOn != null && t.PlanEndsOn < today).Select(t => t.Id);
            connections = connections.Where(c => ended.Contains(c.TeamId));
        }
        else if (query.Plan == PlanState.Running)
        {
            var running = db.Teams.Where(t => t.PlanEndsOn == null || t.PlanEndsOn >= today).Select(t => t.Id);
            connections = connections.Where(c => running.Contains(c.TeamId));
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            connections = db.Matching(connections, query.Search.Trim());
        }
        return connections;
    }

    private static IQueryable<PageConnection> WithStatus(IQueryable<PageConnection> rows, StatusFilter filter) => filter switch
    {
        StatusFilter.All => rows,
        StatusFilter.Failing => rows.Failing(),
        _ => rows.Where(c => c.Status == ToStatus(filter)),
    };

    private static IQueryable<Joined> Join(OmnichatDbContext db, IQueryable<PageConnection> connections) =>
        from c in ConnectionHealth.WithFailingSince(db, connections)
        join t in db.Teams.AsNoTracking() on c.Connection.TeamId equals t.Id
        select new Joined
        {
            Connection = c.Connection,
            Team = t,
            FailingSince = c.FailingSince,
        };

    /// <summary>
    /// The list's order as consecutive buckets, each a query the indexes answer without sorting the whole table:
    /// by failing since, the failing connections (few) then healthy then disconnected ones by page name; by status,
    /// one bucket per status by page name. Other orders are one bucket. Statuses say which counts size a bucket
    /// (null: the whole total).
    /// </summary>
    private static IEnumerable<(IQueryable<IntegrationRow> Rows, IReadOnlyList<ConnectionStatus>? Statuses)> Buckets(
        OmnichatDbContext db, IQueryable<PageConnection> filtered, IntegrationQuery query, DateOnly today)
    {
        var project = Project(today);
        if (query.Sort == IntegrationSort.FailingSince)
        {
            var failing = ConnectionHealth.FailingStatuses.Where(s => Matches(query.Status, s)).ToList();
            if (failing.Count > 0)
            {
                var rows = Join(db, filtered.Where(c => failing.Contains(c.Status)));
                yield return ((query.Descending ? rows.OrderByDescending(r => r.FailingSince) : rows.OrderBy(r => r.FailingSince))
                    .ThenBy(r => r.Connection.PageName).ThenBy(r => r.Connection.Id).Select(project), failing);
            }
            foreach (var status in new[] { ConnectionStatus.Healthy, ConnectionStatus.Disconnected }.Where(s => Matches(query.Status, s)))
            {
                yield return (Join(db, filtered.Where(c => c.Status == status))
                    .OrderBy(r => r.Connection.PageName).ThenBy(r => r.Connection.Id).Select(project), [status]);
            }
        }
        else if (query.Sort == IntegrationSort.Status)
        {
            var statuses = Enum.GetValues<ConnectionStatus>().Where(s => Matches(query.Status, s));
            foreach (var status in query.Descending ? statuses.Reverse() : statuses)
            {
                yield return (Join(db, filtered.Where(c => c.Status == status))
                    .OrderBy(r => r.Connection.PageName).ThenBy(r => r.Connection.Id).Select(project), [status]);
            }
        }
        else
        {
            yield return (Order(Join(db, WithStatus(filtered, query.Status)), query.Sort, query.Descending).Select(project), null);
        }
    }

    private static IOrderedQueryable<Joined> Order(IQueryable<Joined> rows, IntegrationSort sort, bool descending) => (sort, descending) switch
    {
        (IntegrationSort.Team, false) => rows.OrderBy(r => r.Team.Name).ThenBy(r => r.Connection.PageName).ThenBy(r => r.Connection.Id),
        (IntegrationSort.Team, true) => rows.OrderByDescending(r => r.Team.Name).ThenBy(r => r.Connection.PageName).ThenBy(r => r.Connection.Id),
        (IntegrationSort.LastCheck, false) => rows.OrderBy(r => r.Connection.LastCheckedAt).ThenBy(r => r.Connection.Id),
        (IntegrationSort.LastCheck, true) => rows.OrderByDescending(r => r.Connection.LastCheckedAt).ThenByDescending(r => r.Connection.Id),
        (_, false) => rows.OrderBy(r => r.Connection.PageName).ThenBy(r => r.Connection.Id),
        (_, true) => rows.OrderByDescending(r => r.Connection.PageName).ThenByDescending(r => r.Connection.Id),
    };

    private static Expression<Func<Joined, IntegrationRow>> Project(DateOnly today) => r => new IntegrationRow(
        r.Connection.Id, r.Team.Id, r.Team.Name, r.Connection.PageId, r.Connection.PageName, r.Connection.Status, r.Connection.Cause,
        r.FailingSince, r.Connection.LastCheckedAt, null, r.Team.PlanEndsOn, r.Team.PlanEndsOn != null && r.Team.PlanEndsOn < today);

    /// <summary>The newest e-mail per connection, found through its episodes (FailureEpisode.EmailId), for one page of rows.</summary>
    private static async Task<IReadOnlyList<IntegrationRow>> WithLastEmailsAsync(OmnichatDbContext db, IReadOnlyList<IntegrationRow> rows,
        CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return rows;
        }
        var ids = rows.Select(r => r.ConnectionId).ToList();
        var emails = await (from e in db.FailureEpisodes.AsNoTracking()
                            where ids.Contains(e.ConnectionId) && e.EmailId != null
                            join m in db.OutboxEmails.AsNoTracking() on e.EmailId equals m.Id
                            select new { e.ConnectionId, m.Id, m.State, m.CreatedAt, m.SentAt, m.Recipients, m.Subject, m.LastError })
            .ToListAsync(cancellationToken);
        var newest = emails.GroupBy(m => m.ConnectionId)
            .ToDictionary(g => g.Key, g => g.MaxBy(m => m.CreatedAt)!);
        return rows.Select(r => newest.TryGetValue(r.ConnectionId, out var m)
                ? r with { LastEmail = new EmailSummary(m.Id, m.State, m.SentAt ?? m.CreatedAt, m.Recipients, m.Subject, Words.Note(m.LastError)) }
                : r)
            .ToList();
    }
}
