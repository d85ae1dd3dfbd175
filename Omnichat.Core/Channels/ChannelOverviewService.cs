using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Channels;

/// <summary>Reads one team's grants, authorized pages and connections for the Facebook Messenger tab.</summary>
public sealed class ChannelOverviewService(IDbContextFactory<OmnichatDbContext> dbFactory)
{
    public async Task<FacebookChannelOverview> GetAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId)
        {
            return new FacebookChannelOverview([], [], []);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var grants = await db.FacebookGrants.AsNoTracking().Where(g => g.TeamId == teamId)
            .OrderBy(g => g.FacebookUserName).Select(g => new { g.Id, g.FacebookUserName, g.FacebookUserId }).ToListAsync(cancellationToken);
        var pages = await db.AuthorizedPages.AsNoTracking().Where(p => p.TeamId == teamId).ToListAsync(cancellationToken);
        var pageIds = pages.Select(p => p.PageId).Distinct().ToList();
        var liveElsewhere = await db.PageConnections.AsNoTracking()
            .Where(c => pageIds.Contains(c.PageId) && c.TeamId != teamId && c.Status != ConnectionStatus.Disconnected)
            .Select(c => c.PageId).ToListAsync(cancellationToken);
        var connections = await db.PageConnections.AsNoTracking()
            .Where(c => c.TeamId == teamId && c.Status != ConnectionStatus.Disconnected)
            .OrderBy(c => c.PageName).ToListAsync(cancellationToken);

        var grantNames = grants.ToDictionary(g => g.Id, g => g.FacebookUserName);
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
        var views = connections.Select(c => new ConnectionView(c.Id, c.PageId, c.PageName, c.Status, c.Cause, c.ConnectedByName,
                c.ConnectedAt, c.FacebookUserName, c.LastCheckedAt, ungranted.Contains((c.PageId, c.FacebookUserId)),
                reauthorized.TryGetValue(c.Id, out var at) ? at : null))
            .ToList();
        return new FacebookChannelOverview(grants.Select(g => g.FacebookUserName).ToList(), authorized, views);
    }

    /// <summary>The team's live connections that are failing, oldest failure first: what the error banner lists.</summary>
    public async Task<IReadOnlyList<FailingConnection>> GetFailingAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ConnectionHealth.WithFailingSince(db, db.PageConnections.AsNoTracking().Where(c => c.TeamId == teamId).Failing())
            .OrderBy(x => x.FailingSince)
            .Select(x => new FailingConnection(x.Connection.Id, x.Connection.PageId, x.Connection.PageName, x.Connection.Status,
                x.Connection.Cause, x.FailingSince ?? x.Connection.StatusChangedAt, x.Connection.ConnectedByName))
            .ToListAsync(cancellationToken);
    }

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
