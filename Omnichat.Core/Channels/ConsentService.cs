using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Backfill;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Channels;

/// <summary>
/// Opens the consent dialog and handles its return: exchanges the code, stores the grant and the pages it covers,
/// puts the fresh tokens on the connections they can run (repairing those a person-tied failure broke), and ends the
/// authorizations of connected pages the consent left out.
/// </summary>
public sealed class ConsentService(
    GraphClient graph,
    OAuthStateStore states,
    TokenProtector tokens,
    ConnectionSubscriber subscriber,
    CheckResultRecorder recorder,
    BackfillSignal backfill,
    IDbContextFactory<OmnichatDbContext> dbFactory,
    ChannelChangeNotifier notifier,
    IOptions<FacebookOptions> options,
    TimeProvider clock,
    ILogger<ConsentService> logger)
{
    // Subscribe calls in flight while one consent repairs many pages: quick for hundreds, gentle on Meta's limits.
    private const int SubscribeConcurrency = 4;

    /// <summary>Builds the dialog URL for a team admin; null when the caller may not change connections or the connection is not theirs.</summary>
    public async Task<Uri?> BeginAsync(Caller caller, OAuthPurpose purpose, Guid? connectionId, string redirectUri, CancellationToken cancellationToken)
    {
        if (!caller.CanChangeConnections || (purpose == OAuthPurpose.ConnectSystemUser && !options.Value.SystemUserEnabled))
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
        if (purpose == OAuthPurpose.ConnectSystemUser)
        {
            return ConsentDialogUrl.BuildSystemUser(options.Value, redirectUri, state);
        }
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

        var consent = state.Purpose == OAuthPurpose.ConnectSystemUser
            ? await ReadSystemUserConsentAsync(callback.Code, state.RedirectUri, cancellationToken)
            : await ReadConsentAsync(callback.Code, state.RedirectUri, cancellationToken);
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
            return (ExchangeFailed(exchanged.Error), null);
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
        var expiresIn = longLived.Value.ExpiresIn;
        return await ReadGrantAsync(me.Value, userToken, expiresIn, GrantKind.Person, null, cancellationToken);
    }

    /// <summary>
    /// The code of the system-user configuration: exchanged once, with no long-lived step (the system user's token does
    /// not expire), and <c>me</c> names the system user and its client business (see <see cref="GraphClient.GetSystemUserAsync"/>).
    /// </summary>
    private async Task<(ConsentOutcome? Outcome, Consent? Value)> ReadSystemUserConsentAsync(string code, string redirectUri, CancellationToken cancellationToken)
    {
        var exchanged = await graph.ExchangeCodeAsync(code, redirectUri, cancellationToken);
        if (!exchanged.IsSuccess)
        {
            return (ExchangeFailed(exchanged.Error), null);
        }
        var token = exchanged.Value.Token;
        var me = await graph.GetSystemUserAsync(token, cancellationToken);
        if (!me.IsSuccess)
        {
            return (Failed(me.Error), null);
        }
        return await ReadGrantAsync(new FacebookUser(me.Value.Id, me.Value.Name), token, exchanged.Value.ExpiresIn, GrantKind.SystemUser,
            me.Value.ClientBusinessId, cancellationToken);
    }

    private static ConsentOutcome ExchangeFailed(GraphError error) => new(error switch
    {
        { Code: 100, Subcode: 36009 } => ConsentOutcomeKind.CodeReused,
        { Code: 100, Subcode: 36007 } => ConsentOutcomeKind.CodeExpired,
        _ => ConsentOutcomeKind.GraphFailed,
    }, Error: error);

    /// <summary>What the token was granted: its expiry, permissions and the pages with their page tokens.</summary>
    private async Task<(ConsentOutcome? Outcome, Consent? Value)> ReadGrantAsync(FacebookUser user, string userToken, long? expiresIn, GrantKind kind,
        string? clientBusinessId, CancellationToken cancellationToken)
    {
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
        var expiresAt = expiresIn is long seconds ? clock.GetUtcNow().AddSeconds(seconds) : debug.Value.ExpiresAt;
        return (null, new Consent(user, userToken, expiresAt, debug.Value, permissions.Value, GrantedPage.From(accounts.Value, debug.Value), kind,
            clientBusinessId));
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
        var (pages, dropped) = await UpsertPagesAsync(db, grant, consent, now, cancellationToken);
        var usable = pages.Where(Authorizations.IsUsable).ToDictionary(p => p.PageId);

        // Every connection this person's fresh token can run takes it; one that was failing for a reason tied to a
        // person is repaired in the same step, whoever's token it ran on, so one reauthorization fixes every page a
        // password change broke. A connected page this consent left out has a dead token from now on (Meta ends a page
        // token once its page is no longer granted): it fails over or fails now, not at the next reply.
        var repairs = new List<PageConnection>();
        var uncovered = new Dictionary<Guid, FailureCause>();
        // A system user's consent also takes over the connected pages it covers that run on a person's token (no
        // person's password change ends it); that person's token stays as a backup.
        var takesOver = consent.Kind == GrantKind.SystemUser;
        foreach (var connection in live)
        {
            var fromThisUser = connection.FacebookUserId == consent.User.Id;
            // Only a token with full control repairs: a person who is now an editor would leave the page failing.
            var repairable = ConnectionHealth.IsFailing(connection.Status) && Authorizations.IsTiedToPerson(connection.Cause)
                && usable.ContainsKey(connection.PageId);
            var refresh = granted.TryGetValue(connection.PageId, out var page) && page.MissingScopes.Count == 0
                && (fromThisUser || connection == target || (takesOver && usable.ContainsKey(connection.PageId)));
            if (refresh || repairable)
            {
                connection.ProtectedPageToken = tokens.Protect(granted[connection.PageId].Account.AccessToken!);
                connection.GrantId = grant.Id;
                connection.FacebookUserId = consent.User.Id;
                connection.FacebookUserName = consent.User.Name;
                connection.PageName = granted[connection.PageId].Account.Name;
                if (connection == target || repairable)
                {
                    repairs.Add(connection);
                }
            }
            else if (fromThisUser)
            {
                uncovered[connection.Id] = page is null ? FailureCause.PageNotGranted : FailureCause.PermissionMissing;
            }
        }
        // A backup this person dropped is ended too, so the page's authorizations and the notice say it is gone.
        var connectedPages = live.Select(c => c.PageId).ToHashSet();
        foreach (var (row, cause) in dropped.Where(d => connectedPages.Contains(d.Row.PageId)))
        {
            Authorizations.MarkInvalid(row, cause, now);
        }
        await db.SaveChangesAsync(cancellationToken);

        var availability = await AvailabilityAsync(db, teamId, pages.Where(p => p.IsGranted).ToList(), live, cancellationToken);
        var connectable = availability.Count(a => a is PageAvailability.Available or PageAvailability.ConnectedByThisTeam);
        var notConnectable = availability.Where(a => a is not (PageAvailability.Available or PageAvailability.ConnectedByThisTeam))
            .GroupBy(a => a).ToDictionary(g => g.Key, g => g.Count());
        var backups = live.Count(c => c.GrantId != grant.Id && granted.TryGetValue(c.PageId, out var page)
            && page.MissingScopes.Count == 0 && PageTasks.HasFullControl(page.Account.Tasks));
        var repaired = await RepairAsync(db, caller, repairs, consent, now, cancellationToken);
        var (stopped, movedToBackup) = await EndUncoveredAsync(live, uncovered, now, cancellationToken);
        var outcome = new ConsentOutcome(ConsentOutcomeKind.Authorized, consent.User.Name, connectable, stopped,
            NotConnectablePages: notConnectable, BackupPageCount: backups, RepairedPageCount: repaired.Count(r => r.Value.IsSuccess),
            MovedToBackupPages: movedToBackup);
        if (target is not null)
        {
            outcome = repaired[target.Id] is { IsSuccess: false } failed
                ? outcome with { Kind = ConsentOutcomeKind.GraphFailed, PageName = target.PageName, Error = failed.Error }
                : outcome with { Kind = ConsentOutcomeKind.Reauthorized, PageName = target.PageName, RepairedPageCount = outcome.RepairedPageCount - 1 };
        }
        logger.LogInformation(
            "Stored consent of Facebook user {FacebookUserId} for team {TeamId}: {PageCount} pages, {ConnectableCount} connectable, {RepairedCount} repaired, {UncoveredCount} connected pages not covered",
            consent.User.Id, teamId, granted.Count, connectable, repaired.Count(r => r.Value.IsSuccess), uncovered.Count);
        await notifier.NotifyAsync(teamId);
        return outcome;
    }

    /// <summary>
    /// Subscribes each repaired connection again with its fresh token (a removed app had lost the subscription) and
    /// returns it to healthy; the history says who reauthorized. Facebook is asked a few pages at a time, so a person
    /// with hundreds of broken pages does not wait for them one by one.
    /// </summary>
    private async Task<Dictionary<Guid, GraphResult<bool>>> RepairAsync(OmnichatDbContext db, Caller caller, IReadOnlyList<PageConnection> repairs,
        Consent consent, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var results = new Dictionary<Guid, GraphResult<bool>>();
        foreach (var chunk in repairs.Chunk(SubscribeConcurrency))
        {
            var answers = await Task.WhenAll(chunk.Select(c => subscriber.SubscribeAsync(c.PageId, tokens.Unprotect(c.ProtectedPageToken!), cancellationToken)));
            for (var i = 0; i < chunk.Length; i++)
            {
                results[chunk[i].Id] = answers[i];
            }
        }
        foreach (var connection in repairs)
        {
            var subscribed = results[connection.Id];
            db.ConnectionEvents.Add(new ConnectionEvent
            {
                ConnectionId = connection.Id,
                TeamId = connection.TeamId,
                Kind = subscribed.IsSuccess ? ConnectionEventKind.Reauthorized : ConnectionEventKind.SubscribeFailed,
                At = now,
                ActorUserId = caller.UserId,
                ActorName = caller.DisplayName,
                Detail = subscribed.IsSuccess ? HistoryNote.FacebookUser(consent.User.Name) : subscribed.Error.ToString(),
            });
            if (subscribed.IsSuccess)
            {
                await ConnectionStatusChange.ApplyAsync(db, connection, ConnectionStatus.Healthy, FailureCause.None, now, HistoryNote.Reauthorized, cancellationToken);
                connection.LastError = null;
            }
            else
            {
                connection.LastError = subscribed.Error.ToString();
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        // A repaired page receives events again: read what it missed now, not at the worker's next poll.
        if (results.Values.Any(r => r.IsSuccess))
        {
            backfill.Notify();
        }
        return results;
    }

    /// <summary>
    /// Records that the token of each connected page this consent left out has ended, as a check finding it would:
    /// another member's authorization takes over, or the page fails now, with its banner and one e-mail.
    /// </summary>
    /// <returns>The names of the pages that stopped working, and of those now running on another member's authorization.</returns>
    private async Task<(List<string> Stopped, List<string> MovedToBackup)> EndUncoveredAsync(IReadOnlyList<PageConnection> live,
        IReadOnlyDictionary<Guid, FailureCause> uncovered, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (uncovered.Count == 0)
        {
            return ([], []);
        }
        var verdicts = live.Where(c => uncovered.ContainsKey(c.Id)).ToDictionary(c => c.Id, c =>
        {
            var cause = uncovered[c.Id];
            return PageVerdict.Failed(ConnectionStatusRules.StatusFor(cause), cause, detail: HistoryNote.NotTicked(c.FacebookUserName ?? ""))
                with { TokenChecked = c.ProtectedPageToken is { } token ? TokenFingerprint.Of(token) : null };
        });
        await recorder.RecordAsync(Guid.NewGuid(), verdicts, now, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = verdicts.Keys.ToList();
        var after = await db.PageConnections.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.PageName, c.Status }).ToListAsync(cancellationToken);
        return ([.. after.Where(c => ConnectionHealth.IsFailing(c.Status)).Select(c => c.PageName).Order(StringComparer.CurrentCulture)],
            [.. after.Where(c => c.Status == ConnectionStatus.Healthy).Select(c => c.PageName).Order(StringComparer.CurrentCulture)]);
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
        grant.Kind = consent.Kind;
        grant.ClientBusinessId = consent.ClientBusinessId;
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

    /// <returns>
    /// The rows of the pages this consent returned, and the rows whose authorization this consent ended: a page that
    /// was granted with every permission and is now left out, or lost a permission.
    /// </returns>
    private async Task<(List<AuthorizedPage> Pages, List<(AuthorizedPage Row, FailureCause Cause)> Dropped)> UpsertPagesAsync(OmnichatDbContext db, FacebookGrant grant, Consent consent, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var existing = await db.AuthorizedPages.Where(p => p.GrantId == grant.Id).ToDictionaryAsync(p => p.PageId, cancellationToken);
        var rows = new List<AuthorizedPage>();
        var dropped = new List<(AuthorizedPage Row, FailureCause Cause)>();
        foreach (var page in consent.Pages)
        {
            if (!existing.TryGetValue(page.Account.Id, out var row))
            {
                row = new AuthorizedPage { GrantId = grant.Id, TeamId = grant.TeamId, PageId = page.Account.Id, Name = page.Account.Name };
                db.AuthorizedPages.Add(row);
            }
            else if (WasComplete(row) && page.MissingScopes.Count > 0)
            {
                dropped.Add((row, FailureCause.PermissionMissing));
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
            if (WasComplete(row))
            {
                dropped.Add((row, FailureCause.PageNotGranted));
            }
            row.IsGranted = false;
            row.ProtectedPageToken = null;
            row.MissingScopes = "";
            row.RefreshedAt = now;
        }
        return (rows, dropped);
    }

    private static bool WasComplete(AuthorizedPage row) => row.IsGranted && row.MissingScopes.Length == 0;

    private static ConsentOutcome Failed(GraphError error) => new(ConsentOutcomeKind.GraphFailed, Error: error);

    private sealed record Consent(
        FacebookUser User,
        string UserToken,
        DateTimeOffset? ExpiresAt,
        TokenDebugInfo Debug,
        IReadOnlyList<PermissionGrant> Permissions,
        IReadOnlyList<GrantedPage> Pages,
        GrantKind Kind,
        string? ClientBusinessId);
}
