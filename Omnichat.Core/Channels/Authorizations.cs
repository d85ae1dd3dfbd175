using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Channels;

/// <summary>
/// What makes one person's authorization of a page usable, and which failures end only that person's authorization.
/// Meta issues a page token per page, person and app, so a password change kills the tokens of the person who changed
/// it and no one else's: another team member's token for the same page keeps it working (the backup).
/// </summary>
public static class Authorizations
{
    /// <summary>
    /// Failures that belong to the token's person (their password, session, account, role, consent), so another person's
    /// token may still work. Failures of the page or of the app (webhook, receiver, restrictions) are everyone's.
    /// </summary>
    /// <remarks>
    /// A business removing our app ends its system user's token and no person's, so it is tied to that one
    /// authorization like a person's password change: another authorization of the page may take over.
    /// </remarks>
    public static bool IsTiedToPerson(FailureCause cause) => cause is
        FailureCause.PasswordChangedOrSecurityReset or FailureCause.SessionInvalidated or FailureCause.Checkpoint
        or FailureCause.TokenExpired or FailureCause.UnconfirmedAccount or FailureCause.AppRemoved
        or FailureCause.PageNotGranted or FailureCause.PermissionMissing or FailureCause.PageRoleLost
        or FailureCause.TokenInvalid or FailureCause.BusinessAppRemoved;

    /// <summary>
    /// How many times a page must have moved to a backup authorization before the console suggests a system-user
    /// authorization for it: once is one person's password change, twice says the page depends on people too much.
    /// </summary>
    public const int FailoversBeforeSuggestingSystemUser = 2;

    /// <summary>
    /// What a failure of a token means for an authorization of <paramref name="kind"/>. A system user has no password,
    /// session or account of a person; Meta documents one way its token ends, the business removing our app, so a
    /// token that ended (Meta's 190/458 "has not authorized application", or any other 190) is said that way. Losing
    /// the page (the business took it from the system user) or a permission stays what it is.
    /// </summary>
    public static FailureCause CauseFor(GrantKind kind, FailureCause cause) =>
        kind == GrantKind.SystemUser && cause is FailureCause.PasswordChangedOrSecurityReset or FailureCause.SessionInvalidated
            or FailureCause.Checkpoint or FailureCause.TokenExpired or FailureCause.UnconfirmedAccount or FailureCause.AppRemoved
            or FailureCause.TokenInvalid
            ? FailureCause.BusinessAppRemoved
            : cause;

    /// <summary>
    /// The order authorizations are chosen in, lowest first: a system user's before any person's, since no person's
    /// password change, two-factor, checkpoint or lost role ends it (on connecting, on a consent and in failover).
    /// </summary>
    public static int Preference(GrantKind kind) => kind == GrantKind.SystemUser ? 0 : 1;

    /// <summary>Whether the console suggests a system-user authorization for a page: it failed over often and runs on a person's.</summary>
    public static bool SuggestsSystemUser(int failovers, GrantKind inUse) =>
        failovers >= FailoversBeforeSuggestingSystemUser && inUse != GrantKind.SystemUser;

    /// <summary>
    /// Whether this authorization can run the page: granted with a token and every required permission, not known to
    /// have ended, and with full control of the page.
    /// </summary>
    public static bool IsUsable(AuthorizedPage page) =>
        page.IsGranted && page.ProtectedPageToken is not null && page.MissingScopes.Length == 0 && page.InvalidSince is null
        && PageTasks.HasFullControl(page.Tasks.Split(',', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The team members who fully controlled each page when they last authorized, with whether their authorization
    /// ended and why, by name: whom the banner and the e-mail ask to authorize again. One team's pages at most. A
    /// business's system user is nobody to ask: the cause's words say what its business must do.
    /// </summary>
    public static async Task<ILookup<string, AuthorizationView>> PeopleAsync(OmnichatDbContext db, Guid teamId, IReadOnlyList<string> pageIds,
        CancellationToken cancellationToken) =>
        (await db.AuthorizedPages.AsNoTracking()
            .Where(p => p.TeamId == teamId && pageIds.Contains(p.PageId) && p.Grant!.Kind == GrantKind.Person)
            .Select(p => new { p.PageId, p.Grant!.FacebookUserName, p.Tasks, p.InvalidSince, p.InvalidCause })
            .ToListAsync(cancellationToken))
        .Where(p => PageTasks.HasFullControl(p.Tasks.Split(',', StringSplitOptions.RemoveEmptyEntries)))
        .OrderBy(p => p.FacebookUserName, StringComparer.Ordinal)
        .ToLookup(p => p.PageId, p => new AuthorizationView(p.FacebookUserName, InUse: false, p.InvalidSince, p.InvalidCause));

    /// <summary>Records that this person's token for the page stopped working; the first time found is kept.</summary>
    public static void MarkInvalid(AuthorizedPage page, FailureCause cause, DateTimeOffset at)
    {
        page.InvalidSince ??= at;
        page.InvalidCause = cause;
    }

    /// <summary>Records that the token works (again): a check found it valid, or a fresh consent replaced it.</summary>
    public static void MarkValid(AuthorizedPage page)
    {
        page.InvalidSince = null;
        page.InvalidCause = FailureCause.None;
    }
}
