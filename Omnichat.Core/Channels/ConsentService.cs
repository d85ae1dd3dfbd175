using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Channels;

/// <summary>
/// Opens the consent dialog and handles its return: exchanges the code, stores the grant and the pages it covers,
/// and, for a reauthorization, puts the fresh token on the connection and subscribes it again.
/// </summary>
public sealed class ConsentService(
    GraphClient graph,
    OAuthStateStore states,
    TokenProtector tokens,
    ConnectionSubscriber subscriber,
    IDbContextFactory<OmnichatDbContext> dbFactory,
    ChannelChangeNotifier notifier,
    IOptions<FacebookOptions> options,
    TimeProvider clock,
    ILogger<ConsentService> logger)
{
    /// <summary>Builds the dialog URL for a team admin; null when the caller may not change connections or the connection is not theirs.</summary>
    public async Task<Uri?> BeginAsync(Caller caller, OAuthPurpose purpose, Guid? connectionId, string redirectUri, CancellationToken cancellationToken)
    {
        if (!caller.CanChangeConnections)
        {
            return null;
        }
        if (purpose == OAuthPurpose.Reauthorize)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var owned = await db.PageConnections.AnyAsync(
                c => c.Id == connectionId && c.TeamId == caller.TeamId && c.Status != ConnectionStatus.Disconnected, cancellationToken);
            if (!owned)
            {
                return null;
            }
        }
        var state = await states.IssueAsync(caller, purpose, purpose == OAuthPurpose.Reauthorize ? connectionId : null, redirectUri, cancellationToken);
        // Re-asking declined permissions needs auth_type=rerequest; without it Meta silently skips them.
        return ConsentDialogUrl.Build(options.Value, redirectUri, state, rerequest: purpose != OAuthPurpose.Connect);
    }

    public async Task<ConsentOutcome> CompleteAsync(Caller caller, ConsentCallback callback, CancellationToken cancellationToken)
    {
        var (check, state) = await states.ConsumeAsync(callback.State, caller, cancellationToken);
        switch (check)
        {
            case OAuthStateCheck.Missing:
                return new ConsentOutcome(ConsentOutcomeKind.MissingState);
            case OAuthStateCheck.Unknown or OAuthStateCheck.OtherUser:
                logger.LogWarning("Consent callback with a state not issued to user {UserId}", caller.UserId);
                return new ConsentOutcome(ConsentOutcomeKind.InvalidState);
            case OAuthStateCheck.Expired:
                return new ConsentOutcome(ConsentOutcomeKind.StateExpired);
            case OAuthStateCheck.AlreadyUsed:
                return new ConsentOutcome(ConsentOutcomeKind.StateReused);
        }
        if (!caller.CanChangeConnections || state is null)
        {
            return new ConsentOutcome(ConsentOutcomeKind.NotTeamAdmin);
        }
        if (!string.IsNullOrEmpty(callback.Error))
        {
            logger.LogInformation("Consent dialog cancelled by user {UserId} ({Reason})", caller.UserId, callback.ErrorReason);
            return new ConsentOutcome(ConsentOutcomeKind.Cancelled);
        }
        if (string.IsNullOrWhiteSpace(callback.Code))
        {
            return new ConsentOutcome(ConsentOutcomeKind.MissingCode);
        }

        var consent = await ReadConsentAsync(callback.Code, state.RedirectUri, cancellationToken);
        if (consent.Outcome is not null)
        {
            return consent.Outcome;
        }
        return await StoreAsync(caller, state, consent.Value!, cancellationToken);
    }

    private async Task<(ConsentOutcome? Outcome, Consent? Value)> ReadConsentAsync(string code, string redirectUri, CancellationToken cancellationToken)
    {
        var exchanged = await graph.ExchangeCodeAsync(code, redirectUri, cancellationToken);
        if (!exchanged.IsSuccess)
        {
            var kind = exchanged.Error switch
            {
                { Code: 100, Subcode: 36009 } => ConsentOutcomeKind.CodeReused,
                { Code: 100, Subcode: 36007 } => ConsentOutcomeKind.CodeExpired,
                _ => ConsentOutcomeKind.GraphFailed,
            };
            return (new ConsentOutcome(kind, Error: exchanged.Error), null);
        }
        var longLived = await graph.ExchangeForLongLivedUserTokenAsync(exchanged.Value.Token, cancellationToken);
        if (!longLived.IsSuccess)
        {
            return (Failed(longLived.Error), null);
        }
        var userToken = longLived.Value.Token;
        var me = await graph.GetMeAsync(userToken, cancellationToken);
        if (!me.IsSuccess)
        {
            return (Failed(me.Error), null);
        }
        var debug = await graph.DebugTokenAsync(userToken, cancellationToken);
        if (!debug.IsSuccess)
        {
            return (Failed(debug.Error), null);
        }
        if (debug.Value.Error is { } tokenError)
        {
            return (Failed(tokenError), null);
        }
        var permissions = await graph.GetPermissionsAsync(userToken, cancellationToken);
        if (!permissions.IsSuccess)
        {
            return (Failed(permissions.Error), null);
        }
        var accounts = await graph.GetPageAccountsAsync(userToken, cancellationToken);
        if (!accounts.IsSuccess)
        {
            return (Failed(accounts.Error), null);
        }
        var expiresAt = longLived.Value.ExpiresIn is long seconds ? clock.GetUtcNow().AddSeconds(seconds) : debug.Value.ExpiresAt;
        return (null, new Consent(me.Value, userToken, expiresAt, debug.Value, permissions.Value, GrantedPage.From(accounts.Value, debug.Value)));
    }

    private async Task<ConsentOutcome> StoreAsync(Caller caller, OAuthState state, Consent consent, CancellationToken cancellationToken)
    {
        var teamId = state.TeamId;
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);

        var granted = consent.Pages.Where(p => p.Account.AccessToken is not null).ToDictionary(p => p.Account.Id);
        var live = await db.PageConnections
            .Where(c => c.TeamId == teamId && c.Status != ConnectionStatus.Disconnected)
            .ToListAsync(cancellationToken);

        PageConnection? target = null;
        if (state.Purpose == OAuthPurpose.Reauthorize)
        {
            target = live.SingleOrDefault(c => c.Id == state.ConnectionId);
            if (target is null)
            {
                return new ConsentOutcome(ConsentOutcomeKind.InvalidState);
            }
            // Say so before anything is replaced: the admin must tick this page (and its permissions) in the dialog.
            if (!granted.TryGetValue(target.PageId, out var page) || page.MissingScopes.Count > 0)
            {
                return new ConsentOutcome(ConsentOutcomeKind.PageNotCovered, consent.User.Name, PageName: target.PageName);
            }
        }

        var grant = await UpsertGrantAsync(db, caller, teamId, consent, now, cancellationToken);
        var pages = await UpsertPagesAsync(db, grant, consent, now, cancellationToken);

        var uncovered = new List<string>();
        foreach (var connection in live)
        {
            var fromThisUser = connection.FacebookUserId == consent.User.Id;
            if (granted.TryGetValue(connection.PageId, out var page) && page.MissingScopes.Count == 0 && (fromThisUser || connection == target))
            {
                connection.ProtectedPageToken = tokens.Protect(page.Account.AccessToken!);
                connection.GrantId = grant.Id;
                connection.FacebookUserId = consent.User.Id;
                connection.FacebookUserName = consent.User.Name;
                connection.PageName = page.Account.Name;
            }
            else if (fromThisUser)
            {
                uncovered.Add(connection.PageName);
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var availability = await AvailabilityAsync(db, teamId, pages.Where(p => p.IsGranted).ToList(), live, cancellationToken);
        var connectable = availability.Count(a => a is PageAvailability.Available or PageAvailability.ConnectedByThisTeam);
        var notConnectable = availability.Where(a => a is not (PageAvailability.Available or PageAvailability.ConnectedByThisTeam))
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        var backups = live.Count(c => c.GrantId != grant.Id && granted.TryGetValue(c.PageId, out var page)
            && page.MissingScopes.Count == 0 && PageTasks.HasFullControl(page.Account.Tasks));
        var outcome = new ConsentOutcome(ConsentOutcomeKind.Authorized, consent.User.Name, connectable, uncovered,
            NotConnectablePages: notConnectable, BackupPageCount: backups);
        if (target is not null)
        {
            outcome = await ReauthorizeAsync(db, caller, target, consent, uncovered, now, cancellationToken);
        }
        logger.LogInformation(
            "Stored consent of Facebook user {FacebookUserId} for team {TeamId}: {PageCount} pages, {ConnectableCount} connectable, {UncoveredCount} connected pages not covered",
            consent.User.Id, teamId, granted.Count, connectable, uncovered.Count);
        await notifier.NotifyAsync(teamId);
        return outcome;
    }

    private async Task<ConsentOutcome> ReauthorizeAsync(OmnichatDbContext db, Caller caller, PageConnection target, Consent consent,
        IReadOnlyList<string> uncovered, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var subscribed = await subscriber.SubscribeAsync(target.PageId, tokens.Unprotect(target.ProtectedPageToken!), cancellationToken);
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = target.Id,
            TeamId = target.TeamId,
            Kind = subscribed.IsSuccess ? ConnectionEventKind.Reauthorized : ConnectionEventKind.SubscribeFailed,
            At = now,
            ActorUserId = caller.UserId,
            ActorName = caller.DisplayName,
            Detail = subscribed.IsSuccess ? HistoryNote.FacebookUser(consent.User.Name) : subscribed.Error.ToString(),
        });
        if (subscribed.IsSuccess)
        {
            await ConnectionStatusChange.ApplyAsync(db, target, ConnectionStatus.Healthy, FailureCause.None, now, HistoryNote.Reauthorized, cancellationToken);
            target.LastError = null;
        }
        else
        {
            target.LastError = subscribed.Error.ToString();
        }
        await db.SaveChangesAsync(cancellationToken);
        return subscribed.IsSuccess
            ? new ConsentOutcome(ConsentOutcomeKind.Reauthorized, consent.User.Name, consent.Pages.Count, uncovered, target.PageName)
            : new ConsentOutcome(ConsentOutcomeKind.GraphFailed, consent.User.Name, consent.Pages.Count, uncovered, target.PageName, subscribed.Error);
    }

    private async Task<FacebookGrant> UpsertGrantAsync(OmnichatDbContext db, Caller caller, Guid teamId, Consent consent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var grant = await db.FacebookGrants.SingleOrDefaultAsync(g => g.TeamId == teamId && g.FacebookUserId == consent.User.Id, cancellationToken);
        if (grant is null)
        {
            grant = new FacebookGrant
            {
                TeamId = teamId,
                FacebookUserId = consent.User.Id,
                FacebookUserName = consent.User.Name,
                ProtectedUserToken = "",
                CreatedAt = now,
            };
            db.FacebookGrants.Add(grant);
        }
        grant.FacebookUserName = consent.User.Name;
        grant.ProtectedUserToken = tokens.Protect(consent.UserToken);
        grant.UserTokenExpiresAt = consent.ExpiresAt;
        grant.GrantedScopes = string.Join(',', consent.Permissions.Where(p => p.Status == "granted").Select(p => p.Permission));
        grant.DeclinedScopes = string.Join(',', consent.Permissions.Where(p => p.Status != "granted").Select(p => p.Permission));
        grant.UpdatedAt = now;
        grant.UpdatedByUserId = caller.UserId;
        return grant;
    }

    /// <summary>
    /// Whether the team can connect each page just authorized, decided by the rule the authorized list uses
    /// (<see cref="ChannelOverviewService.Decide"/>), so the count the admin reads matches what the list then offers.
    /// </summary>
    private static async Task<List<PageAvailability>> AvailabilityAsync(OmnichatDbContext db, Guid teamId, IReadOnlyList<AuthorizedPage> pages,
        IReadOnlyList<PageConnection> live, CancellationToken cancellationToken)
    {
        var ids = pages.Select(p => p.PageId).ToList();
        var takenElsewhere = (await db.PageConnections.AsNoTracking()
            .Where(c => ids.Contains(c.PageId) && c.TeamId != teamId && c.Status != ConnectionStatus.Disconnected)
            .Select(c => c.PageId).ToListAsync(cancellationToken)).ToHashSet();
        var connectedHere = live.Select(c => c.PageId).ToHashSet();
        return pages.Select(p => ChannelOverviewService.Decide(p, connectedHere, takenElsewhere)).ToList();
    }

    /// <returns>The rows of the pages this consent returned.</returns>
    private async Task<List<AuthorizedPage>> UpsertPagesAsync(OmnichatDbContext db, FacebookGrant grant, Consent consent, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var existing = await db.AuthorizedPages.Where(p => p.GrantId == grant.Id).ToDictionaryAsync(p => p.PageId, cancellationToken);
        var rows = new List<AuthorizedPage>();
        foreach (var page in consent.Pages)
        {
            if (!existing.TryGetValue(page.Account.Id, out var row))
            {
                row = new AuthorizedPage { GrantId = grant.Id, TeamId = grant.TeamId, PageId = page.Account.Id, Name = page.Account.Name };
                db.AuthorizedPages.Add(row);
            }
            row.Name = page.Account.Name;
            row.PictureUrl = page.Account.PictureUrl;
            row.Tasks = string.Join(',', page.Account.Tasks);
            row.ProtectedPageToken = page.Account.AccessToken is { } token ? tokens.Protect(token) : null;
            row.IsGranted = page.Account.AccessToken is not null;
            if (row.IsGranted)
            {
                // A new token: whatever ended the old one is over.
                Authorizations.MarkValid(row);
            }
            row.MissingScopes = string.Join(',', page.MissingScopes);
            row.RefreshedAt = now;
            rows.Add(row);
        }
        // Pages the user did not tick this time stay listed, greyed, so nobody wonders where they went.
        var current = consent.Pages.Select(p => p.Account.Id).ToHashSet();
        foreach (var row in existing.Values.Where(r => !current.Contains(r.PageId)))
        {
            row.IsGranted = false;
            row.ProtectedPageToken = null;
            row.MissingScopes = "";
            row.RefreshedAt = now;
        }
        return rows;
    }

    private static ConsentOutcome Failed(GraphError error) => new(ConsentOutcomeKind.GraphFailed, Error: error);

    private sealed record Consent(
        FacebookUser User,
        string UserToken,
        DateTimeOffset? ExpiresAt,
        TokenDebugInfo Debug,
        IReadOnlyList<PermissionGrant> Permissions,
        IReadOnlyList<GrantedPage> Pages);
}
