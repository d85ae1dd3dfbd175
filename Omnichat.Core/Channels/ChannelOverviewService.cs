using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Receiving;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Channels;

/// <summary>Reads one team's grants, authorized pages and connections for the Facebook Messenger tab.</summary>
public sealed class ChannelOverviewService(IDbContextFactory<OmnichatDbContext> dbFactory, ReceivingRule receiving, TimeProvider time,
    IOptions<FacebookOptions> facebook)
{
    public async Task<FacebookChannelOverview> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId)
        {
            return new FacebookChannelOverview([], [], [], facebook.Value.SystemUserEnabled);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var grants = await db.FacebookGrants.AsNoTracking().Where(g => g.TeamId == teamId)
            .OrderBy(g => g.FacebookUserName).Select(g => new { g.Id, g.FacebookUserName, g.FacebookUserId, g.Kind }).ToListAsync(cancellationToken);
        var pages = await db.AuthorizedPages.AsNoTracking().Where(p => p.TeamId == teamId).ToListAsync(cancellationToken);
        var pageIds = pages.Select(p => p.PageId).Distinct().ToList();
        var liveElsewhere = await db.PageConnections.AsNoTracking()
            .Where(c => pageIds.Contains(c.PageId) && c.TeamId != teamId && c.Status != ConnectionStatus.Disconnected)
            .Select(c => c.PageId).ToListAsync(cancellationToken);
        var connections = await db.PageConnections.AsNoTracking()
            .Where(c => c.TeamId == teamId && c.Status != ConnectionStatus.Disconnected)
            .OrderBy(c => c.PageName).ToListAsync(cancellationToken);

        var grantNames = grants.ToDictionary(g => g.Id, g => g.FacebookUserName);
        var systemUsers = grants.Where(g => g.Kind == GrantKind.SystemUser).Select(g => g.Id).ToHashSet();
        var connectedHere = connections.Select(c => c.PageId).ToHashSet();
        var takenElsewhere = liveElsewhere.ToHashSet();

        var authorized = pages
            .Select(p => new AuthorizedPageView(p.PageId, p.Name, p.PictureUrl, grantNames.GetValueOrDefault(p.GrantId, ""),
                Decide(p, connectedHere, takenElsewhere), Split(p.MissingScopes)))
            // The same page may come through two Facebook users of the team: show it once, at its most usable.
            .GroupBy(p => p.PageId)
            .Select(g => g.OrderBy(p => p.Availability).First())
            .OrderBy(p => p.Availability == PageAvailability.Available ? 0 : 1)
            .ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();

        var ungranted = pages.Where(p => !p.IsGranted || p.MissingScopes.Length > 0)
            .Select(p => (p.PageId, FacebookUserId: grants.FirstOrDefault(g => g.Id == p.GrantId)?.FacebookUserId))
            .ToHashSet();
        var reauthorized = (await db.ConnectionEvents.AsNoTracking()
                .Where(e => e.TeamId == teamId && e.Kind == ConnectionEventKind.Reauthorized)
                .Select(e => new { e.ConnectionId, e.At }).ToListAsync(cancellationToken))
            .GroupBy(e => e.ConnectionId).ToDictionary(g => g.Key, g => g.Max(e => e.At));
        // Failovers per connection: a page that moved to a backup twice gets the suggestion of a system user.
        var failovers = (await db.ConnectionEvents.AsNoTracking()
                .Where(e => e.TeamId == teamId && e.Kind == ConnectionEventKind.FailedOver)
                .GroupBy(e => e.ConnectionId).Select(g => new { ConnectionId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(f => f.ConnectionId, f => f.Count);
        var suggest = facebook.Value.SystemUserEnabled;
        var byPage = pages.ToLookup(p => p.PageId);
        var now = time.GetUtcNow();
        var usual = await receiving.UsualCountsAsync(db, [.. connections.Select(c => c.Id)], now, cancellationToken);
        var views = connections.Select(c => new ConnectionView(c.Id, c.PageId, c.PageName, c.Status, c.Cause, c.ConnectedByName,
                c.ConnectedAt, c.FacebookUserName, c.LastCheckedAt, ungranted.Contains((c.PageId, c.FacebookUserId)),
                reauthorized.TryGetValue(c.Id, out var at) ? at : null,
                AuthorizationsOf(c, byPage[c.PageId], grantNames, systemUsers),
                receiving.Decide(c, usual.GetValueOrDefault(c.Id), now),
                suggest && Authorizations.SuggestsSystemUser(failovers.GetValueOrDefault(c.Id),
                    c.GrantId is Guid grantId && systemUsers.Contains(grantId) ? GrantKind.SystemUser : GrantKind.Person)))
            .ToList();
        return new FacebookChannelOverview(grants.Select(g => g.FacebookUserName).ToList(), authorized, views, facebook.Value.SystemUserEnabled);
    }

    /// <summary>The team's live connections that are failing, oldest failure first: what the error banner lists.</summary>
    public async Task<IReadOnlyList<FailingConnection>> GetFailingAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var failing = await ConnectionHealth.WithFailingSince(db, db.PageConnections.AsNoTracking().Where(c => c.TeamId == teamId).Failing())
            .OrderBy(x => x.FailingSince)
            .Select(x => new FailingConnection(x.Connection.Id, x.Connection.PageId, x.Connection.PageName, x.Connection.Status,
                x.Connection.Cause, x.FailingSince ?? x.Connection.StatusChangedAt, x.Connection.ConnectedByName, null))
            .ToListAsync(cancellationToken);
        if (failing.Count == 0)
        {
            return failing;
        }
        // One team's failing pages: bounded by the team's pages, far below a query's parameter limit.
        var people = await Authorizations.PeopleAsync(db, teamId, [.. failing.Select(f => f.PageId)], cancellationToken);
        return [.. failing.Select(f => f with { People = [.. people[f.PageId]] })];
    }

    /// <summary>
    /// People whose authorization ended on pages of this team that still work on another person's (failing pages are
    /// the red banner's), each with the pages it ended on, longest ended first.
    /// </summary>
    public async Task<IReadOnlyList<EndedAuthorization>> GetEndedAuthorizationsAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from c in db.PageConnections.AsNoTracking().Where(c => c.TeamId == teamId && c.Status == ConnectionStatus.Healthy)
            join p in db.AuthorizedPages.AsNoTracking().Where(p => p.TeamId == teamId && p.InvalidSince != null) on c.PageId equals p.PageId
            where p.GrantId != c.GrantId
            select new { c.PageName, p.GrantId, p.Grant!.FacebookUserName, p.InvalidCause, Since = p.InvalidSince!.Value, p.Tasks })
            .ToListAsync(cancellationToken);
        return rows
            .Where(r => PageTasks.HasFullControl(Split(r.Tasks)))
            .GroupBy(r => r.GrantId)
            .Select(g => new EndedAuthorization(g.First().FacebookUserName, g.OrderByDescending(r => r.Since).First().InvalidCause,
                g.Min(r => r.Since), [.. g.Select(r => r.PageName).Distinct().Order(StringComparer.CurrentCulture)]))
            .OrderBy(e => e.Since)
            .ToList();
    }

    /// <summary>The authorizations shown on a connected page: the one in use, then the backups and those that ended, by name.</summary>
    private static List<AuthorizationView> AuthorizationsOf(PageConnection connection, IEnumerable<AuthorizedPage> pages,
        IReadOnlyDictionary<Guid, string> grantNames, IReadOnlySet<Guid> systemUsers) =>
        [.. pages
            .Where(p => p.GrantId == connection.GrantId || (p.IsGranted && PageTasks.HasFullControl(Split(p.Tasks))))
            .Select(p => new AuthorizationView(grantNames.GetValueOrDefault(p.GrantId, ""), p.GrantId == connection.GrantId, p.InvalidSince, p.InvalidCause,
                systemUsers.Contains(p.GrantId)))
            .OrderByDescending(a => a.InUse)
            .ThenBy(a => a.PersonName, StringComparer.CurrentCulture)];

    internal static PageAvailability Decide(AuthorizedPage page, IReadOnlySet<string> connectedHere, IReadOnlySet<string> takenElsewhere)
    {
        if (connectedHere.Contains(page.PageId))
        {
            return PageAvailability.ConnectedByThisTeam;
        }
        if (!page.IsGranted)
        {
            return PageAvailability.PageNotGranted;
        }
        if (!PageTasks.HasFullControl(Split(page.Tasks)))
        {
            return PageAvailability.NotPageAdmin;
        }
        if (page.MissingScopes.Length > 0)
        {
            return PageAvailability.PermissionMissing;
        }
        return takenElsewhere.Contains(page.PageId) ? PageAvailability.ConnectedByAnotherTeam : PageAvailability.Available;
    }

    private static string[] Split(string csv) => csv.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
