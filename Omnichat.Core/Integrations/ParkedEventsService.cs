using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Integrations;

/// <summary>
/// Reads the webhook events kept aside for pages without a live connection (<see cref="ParkedEvent"/>). They are never
/// replayed into an inbox (the help page's FAQ 3: conversations from before a connection are not imported); this makes
/// them visible instead. Support staff read every page's events, text included; a team's admin reads only how many
/// arrived at their own disconnected page before anyone connected it again, never the text and never another team's.
/// </summary>
public sealed class ParkedEventsService(IDbContextFactory<OmnichatDbContext> dbFactory)
{
    public const int MaxEventsPageSize = 100;
    private const string StandbyField = "standby";

    /// <summary>One row per page id with kept-aside events, a page of them in the asked order; empty for anyone but support.</summary>
    public async Task<ParkedPageList> ListAsync(Caller caller, ParkedPageQuery query, CancellationToken cancellationToken)
    {
        if (!caller.IsSupport)
        {
            return ParkedPageList.Empty;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.ParkedEvents.Select(e => e.PageId).Distinct().CountAsync(cancellationToken);
        if (total == 0)
        {
            return ParkedPageList.Empty;
        }
        var size = Math.Clamp(query.PageSize, 1, ParkedPageQuery.MaxPageSize);
        var summaries = await Order(Summaries(db.ParkedEvents.AsNoTracking()), query.Sort, query.Descending)
            .Skip(Math.Max(0, query.Page) * size).Take(size)
            .ToListAsync(cancellationToken);
        var pageIds = summaries.Select(s => s.PageId).ToList();
        var connections = await ConnectionsOfAsync(db, pageIds, cancellationToken);
        var names = await AuthorizedNamesAsync(db, pageIds, cancellationToken);
        return new ParkedPageList(summaries.Select(s => s.ToRow(connections[s.PageId].ToList(), names.GetValueOrDefault(s.PageId))).ToList(), total);
    }

    /// <summary>How many page ids have kept-aside events, for a link to the list; 0 for anyone but support.</summary>
    public async Task<int> CountPagesAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsSupport)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ParkedEvents.Select(e => e.PageId).Distinct().CountAsync(cancellationToken);
    }

    /// <summary>
    /// One page id's summary and a page of its events, the newest first; null for anyone but support, or when nothing
    /// was kept for that page.
    /// </summary>
    /// <param name="page">Zero-based.</param>
    public async Task<ParkedPageEvents?> GetPageAsync(Caller caller, string pageId, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!caller.IsSupport)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = db.ParkedEvents.AsNoTracking().Where(e => e.PageId == pageId);
        var summary = await Summaries(events).SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }
        var size = Math.Clamp(pageSize, 1, MaxEventsPageSize);
        var kept = await events.OrderByDescending(e => e.EventAt).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, page) * size).Take(size)
            .ToListAsync(cancellationToken);
        var connections = await ConnectionsOfAsync(db, [pageId], cancellationToken);
        var names = await AuthorizedNamesAsync(db, [pageId], cancellationToken);
        return new ParkedPageEvents(summary.ToRow(connections[pageId].ToList(), names.GetValueOrDefault(pageId)), kept.Select(Read).ToList());
    }

    /// <summary>
    /// What arrived at a disconnected connection's page after its disconnection, until the page was next connected by
    /// anyone: the events after that belong to the next connection, possibly another team's. Null when the connection
    /// is not disconnected, or the caller is neither support nor an admin of its team.
    /// </summary>
    public async Task<ParkedSinceDisconnection?> SinceDisconnectionAsync(Caller caller, Guid connectionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.PageConnections.AsNoTracking().Where(c => c.Id == connectionId)
            .Select(c => new { c.TeamId, c.PageId, c.Status, c.DisconnectedAt })
            .SingleOrDefaultAsync(cancellationToken);
        // Admins only: the count is there to decide whether to connect the page again, which only an admin does.
        var allowed = caller.IsSupport || (caller.IsTeamAdmin && caller.TeamId == connection?.TeamId);
        if (connection is null || !allowed || connection.Status != ConnectionStatus.Disconnected || connection.DisconnectedAt is not { } from)
        {
            return null;
        }
        var pageId = connection.PageId;
        var until = await NextConnectionAsync(db, pageId, from, cancellationToken);

        var window = db.ParkedEvents.AsNoTracking()
            .Where(e => e.PageId == pageId && e.Reason == ParkedReason.Disconnected && e.EventAt > from);
        if (until is { } end)
        {
            window = window.Where(e => e.EventAt < end);
        }
        // The kind is only in the JSON, so the events are read one at a time and counted here; memory stays flat.
        int events = 0, customerMessages = 0;
        await foreach (var e in window.Select(e => new { e.Field, e.EventJson }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            events++;
            if (Kind(pageId, e.Field, e.EventJson) is WebhookEventKind.Message or WebhookEventKind.Postback)
            {
                customerMessages++;
            }
        }
        return new ParkedSinceDisconnection(pageId, from, until, events, customerMessages);
    }

    /// <summary>
    /// The first time anyone connected the page after <paramref name="after"/>. Reconnecting reuses a team's row and
    /// overwrites its ConnectedAt, so earlier connections are found in the audit events; the rows cover connections
    /// stored without one.
    /// </summary>
    private static async Task<DateTimeOffset?> NextConnectionAsync(OmnichatDbContext db, string pageId, DateTimeOffset after,
        CancellationToken cancellationToken)
    {
        var ofPage = db.PageConnections.Where(c => c.PageId == pageId).Select(c => c.Id);
        var audited = await db.ConnectionEvents.AsNoTracking()
            .Where(e => e.Kind == ConnectionEventKind.Connected && e.At > after && ofPage.Contains(e.ConnectionId))
            .MinAsync(e => (DateTimeOffset?)e.At, cancellationToken);
        var current = await db.PageConnections.AsNoTracking()
            .Where(c => c.PageId == pageId && c.ConnectedAt > after)
            .MinAsync(c => (DateTimeOffset?)c.ConnectedAt, cancellationToken);
        return (audited, current) switch
        {
            ({ } a, { } c) => a < c ? a : c,
            _ => audited ?? current,
        };
    }

    // A class with init properties, not a positional record: EF orders and pages over member initializers.
    private sealed class Summary
    {
        public required string PageId { get; init; }
        public int Events { get; init; }
        public int Standby { get; init; }
        public int Disconnected { get; init; }
        public DateTimeOffset First { get; init; }
        public DateTimeOffset Last { get; init; }

        public ParkedPageRow ToRow(IReadOnlyList<ParkedPageConnection> connections, string? authorizedName) => new(
            PageId, Disconnected > 0 ? ParkedReason.Disconnected : ParkedReason.UnknownPage,
            Events, Events - Standby, Standby, First, Last, connections, authorizedName);
    }

    private static IQueryable<Summary> Summaries(IQueryable<ParkedEvent> events) =>
        events.GroupBy(e => e.PageId).Select(g => new Summary
        {
            PageId = g.Key,
            Events = g.Count(),
            Standby = g.Count(e => e.Field == StandbyField),
            Disconnected = g.Count(e => e.Reason == ParkedReason.Disconnected),
            First = g.Min(e => e.EventAt),
            Last = g.Max(e => e.EventAt),
        });

    private static IOrderedQueryable<Summary> Order(IQueryable<Summary> rows, ParkedPageSort sort, bool descending) => (sort, descending) switch
    {
        (ParkedPageSort.FirstEvent, true) => rows.OrderByDescending(r => r.First).ThenBy(r => r.PageId),
        (ParkedPageSort.FirstEvent, false) => rows.OrderBy(r => r.First).ThenBy(r => r.PageId),
        (ParkedPageSort.EventCount, true) => rows.OrderByDescending(r => r.Events).ThenByDescending(r => r.Last).ThenBy(r => r.PageId),
        (ParkedPageSort.EventCount, false) => rows.OrderBy(r => r.Events).ThenByDescending(r => r.Last).ThenBy(r => r.PageId),
        (_, true) => rows.OrderByDescending(r => r.Last).ThenBy(r => r.PageId),
        (_, false) => rows.OrderBy(r => r.Last).ThenBy(r => r.PageId),
    };

    /// <summary>Every team's connection of these pages, live or disconnected, the newest first per page.</summary>
    private static async Task<ILookup<string, ParkedPageConnection>> ConnectionsOfAsync(OmnichatDbContext db, IReadOnlyList<string> pageIds,
        CancellationToken cancellationToken)
    {
        if (pageIds.Count == 0)
        {
            return Array.Empty<ParkedPageConnection>().ToLookup(_ => "");
        }
        var rows = await (from c in db.PageConnections.AsNoTracking()
                          where pageIds.Contains(c.PageId)
                          join t in db.Teams.AsNoTracking() on c.TeamId equals t.Id
                          select new { c.PageId, Connection = new ParkedPageConnection(c.Id, t.Id, t.Name, c.PageName, c.Status, c.ConnectedAt, c.DisconnectedAt) })
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Connection.ConnectedAt).ToLookup(r => r.PageId, r => r.Connection);
    }

    /// <summary>
    /// The name any team's Facebook authorization last saw for each page (the most recently refreshed): a page that
    /// was authorized but never connected is still known by its name.
    /// </summary>
    private static async Task<Dictionary<string, string>> AuthorizedNamesAsync(OmnichatDbContext db, IReadOnlyList<string> pageIds,
        CancellationToken cancellationToken)
    {
        var rows = await db.AuthorizedPages.AsNoTracking()
            .Where(p => pageIds.Contains(p.PageId))
            .Select(p => new { p.PageId, p.Name, p.RefreshedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.PageId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.RefreshedAt)!.Name);
    }

    private static ParkedEventRow Read(ParkedEvent kept)
    {
        var standby = kept.Field == StandbyField;
        var e = TryRead(kept.PageId, standby, kept.EventJson);
        return new ParkedEventRow(kept.Id, kept.EventAt, kept.ParkedAt, kept.Reason, standby, e?.Kind ?? WebhookEventKind.Unknown,
            e?.Psid, e?.Text, e?.Attachments.Select(a => a.Type).ToList() ?? []);
    }

    private static WebhookEventKind Kind(string pageId, string field, string json) =>
        TryRead(pageId, field == StandbyField, json)?.Kind ?? WebhookEventKind.Unknown;

    /// <summary>The JSON was valid when it was stored; if it somehow is not, the event still shows, as an unknown kind.</summary>
    private static WebhookEvent? TryRead(string pageId, bool standby, string json)
    {
        try
        {
            return WebhookPayload.ReadEvent(pageId, standby, json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
