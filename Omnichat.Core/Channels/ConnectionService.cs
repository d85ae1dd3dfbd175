using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Channels;

/// <summary>Connects authorized pages to a team and disconnects them, keeping their history.</summary>
public sealed class ConnectionService(
    ConnectionSubscriber subscriber,
    TokenProtector tokens,
    IDbContextFactory<OmnichatDbContext> dbFactory,
    ChannelChangeNotifier notifier,
    IntegrationChecker checker,
    TimeProvider clock,
    ILogger<ConnectionService> logger)
{
    /// <summary>
    /// Connects each page on its own: one failure does not undo the others. Reports each result as it is known, then
    /// checks the pages it connected, so a new page shows its real status within seconds instead of "尚未檢查" until
    /// the next hourly run.
    /// </summary>
    public async Task<IReadOnlyList<ConnectPageResult>> ConnectAsync(Caller caller, IReadOnlyCollection<string> pageIds,
        IProgress<ConnectPageResult>? progress, CancellationToken cancellationToken)
    {
        var results = new List<ConnectPageResult>();
        foreach (var pageId in pageIds.Distinct())
        {
            var result = caller.CanChangeConnections
                ? await ConnectOneAsync(caller, caller.TeamId!.Value, pageId, cancellationToken)
                : new ConnectPageResult(pageId, pageId, ConnectFailure.NotTeamAdmin);
            results.Add(result);
            progress?.Report(result);
        }
        var connected = results.Where(r => r.ConnectionId is not null).Select(r => r.ConnectionId!.Value).ToList();
        if (caller.TeamId is Guid teamId && connected.Count > 0)
        {
            await notifier.NotifyAsync(teamId);
            await CheckConnectedAsync(connected, cancellationToken);
        }
        return results;
    }

    // The pages are connected whatever the check finds; a check that cannot run leaves them to the hourly one.
    private async Task CheckConnectedAsync(IReadOnlyCollection<Guid> connectionIds, CancellationToken cancellationToken)
    {
        try
        {
            await checker.CheckAsync(CheckScope.Connections(connectionIds), null, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "The check after connecting {Count} pages failed; the hourly check will look at them", connectionIds.Count);
        }
    }

    private async Task<ConnectPageResult> ConnectOneAsync(Caller caller, Guid teamId, string pageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var candidates = await db.AuthorizedPages.Include(p => p.Grant)
            .Where(p => p.TeamId == teamId && p.PageId == pageId).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return new ConnectPageResult(pageId, pageId, ConnectFailure.NotInGrant);
        }
        var connectedHere = await db.PageConnections.AnyAsync(
            c => c.TeamId == teamId && c.PageId == pageId && c.Status != ConnectionStatus.Disconnected, cancellationToken)
            ? new HashSet<string> { pageId } : new HashSet<string>();
        var takenElsewhere = await db.PageConnections.AnyAsync(
            c => c.TeamId != teamId && c.PageId == pageId && c.Status != ConnectionStatus.Disconnected, cancellationToken)
            ? new HashSet<string> { pageId } : new HashSet<string>();
        // A system user's authorization first when it can run the page: no person's password change ends it.
        var decided = candidates
            .Select(p => (Page: p, Availability: ChannelOverviewService.Decide(p, connectedHere, takenElsewhere)))
            .OrderBy(p => p.Availability).ThenBy(p => Authorizations.Preference(p.Page.Grant!.Kind)).First();
        var page = decided.Page;
        if (decided.Availability != PageAvailability.Available)
        {
            return new ConnectPageResult(pageId, page.Name, decided.Availability switch
            {
                PageAvailability.ConnectedByThisTeam => ConnectFailure.AlreadyConnected,
                PageAvailability.ConnectedByAnotherTeam => ConnectFailure.ConnectedByAnotherTeam,
                PageAvailability.NotPageAdmin => ConnectFailure.NotPageAdmin,
                PageAvailability.PageNotGranted => ConnectFailure.PageNotGranted,
                _ => ConnectFailure.PermissionMissing,
            });
        }

        var pageToken = tokens.Unprotect(page.ProtectedPageToken!);
        var subscribed = await subscriber.SubscribeAsync(pageId, pageToken, cancellationToken);
        if (!subscribed.IsSuccess)
        {
            return new ConnectPageResult(pageId, page.Name, ConnectFailure.SubscribeFailed, subscribed.Error);
        }

        var now = clock.GetUtcNow();
        // Reconnecting reuses the team's earlier connection of this page, so its history stays in one place.
        var connection = await db.PageConnections
            .Where(c => c.TeamId == teamId && c.PageId == pageId)
            .OrderByDescending(c => c.ConnectedAt).FirstOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            // Born healthy, so no status change follows to stamp the time: the banner and lists read it from here.
            connection = new PageConnection
            {
                TeamId = teamId,
                PageId = pageId,
                PageName = page.Name,
                Status = ConnectionStatus.Healthy,
                StatusChangedAt = now,
            };
            db.PageConnections.Add(connection);
        }
        connection.PageName = page.Name;
        connection.GrantId = page.GrantId;
        connection.FacebookUserId = page.Grant!.FacebookUserId;
        connection.FacebookUserName = page.Grant.FacebookUserName;
        connection.ProtectedPageToken = page.ProtectedPageToken;
        connection.ConnectedAt = now;
        connection.ConnectedByUserId = caller.UserId;
        connection.ConnectedByName = caller.DisplayName;
        connection.DisconnectedAt = null;
        connection.DisconnectedByName = null;
        connection.LastError = null;
        await ConnectionStatusChange.ApplyAsync(db, connection, ConnectionStatus.Healthy, FailureCause.None, now, HistoryNote.Connected, cancellationToken);
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = connection.Id,
            TeamId = teamId,
            Kind = ConnectionEventKind.Connected,
            At = now,
            ActorUserId = caller.UserId,
            ActorName = caller.DisplayName,
            Detail = HistoryNote.FacebookUser(page.Grant.FacebookUserName),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another team connected the page between our check and our save; the unique index decided.
            return new ConnectPageResult(pageId, page.Name, ConnectFailure.ConnectedByAnotherTeam);
        }
        logger.LogInformation("Connected page {PageId} for team {TeamId}", pageId, teamId);
        return new ConnectPageResult(pageId, page.Name, ConnectionId: connection.Id);
    }

    public async Task<DisconnectOutcome> DisconnectAsync(Caller caller, Guid connectionId, CancellationToken cancellationToken)
    {
        if (!caller.CanChangeConnections)
        {
            return DisconnectOutcome.NotTeamAdmin;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.PageConnections.SingleOrDefaultAsync(
            c => c.Id == connectionId && c.TeamId == caller.TeamId && c.Status != ConnectionStatus.Disconnected, cancellationToken);
        if (connection is null)
        {
            return DisconnectOutcome.NotFound;
        }

        var outcome = DisconnectOutcome.Disconnected;
        string? detail = null;
        if (connection.ProtectedPageToken is not null)
        {
            // Leaving our app subscribed would have Meta deliver events forever; only a dead token excuses it.
            var removed = await subscriber.UnsubscribeAsync(connection.PageId, tokens.Unprotect(connection.ProtectedPageToken), cancellationToken);
            if (!removed.IsSuccess)
            {
                var diagnosis = GraphErrorClassifier.Classify(removed.Error);
                if (diagnosis.Status is null)
                {
                    return DisconnectOutcome.FacebookUnavailable;
                }
                outcome = DisconnectOutcome.DisconnectedTokenAlreadyInvalid;
                detail = removed.Error.ToString();
            }
        }

        var now = clock.GetUtcNow();
        await ConnectionStatusChange.ApplyAsync(db, connection, ConnectionStatus.Disconnected, FailureCause.None, now, HistoryNote.Disconnected, cancellationToken);
        connection.ProtectedPageToken = null;
        connection.DisconnectedAt = now;
        connection.DisconnectedByName = caller.DisplayName;
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = connection.Id,
            TeamId = connection.TeamId,
            Kind = ConnectionEventKind.Disconnected,
            At = now,
            ActorUserId = caller.UserId,
            ActorName = caller.DisplayName,
            Detail = detail,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Disconnected page {PageId} for team {TeamId}", connection.PageId, connection.TeamId);
        await notifier.NotifyAsync(connection.TeamId);
        return outcome;
    }
}
