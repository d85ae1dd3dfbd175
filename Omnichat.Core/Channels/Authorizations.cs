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
    public static bool IsTiedToPerson(FailureCause cause) => cause is
        FailureCause.PasswordChangedOrSecurityReset or FailureCause.SessionInvalidated or FailureCause.Checkpoint
        or FailureCause.TokenExpired or FailureCause.UnconfirmedAccount or FailureCause.AppRemoved
        or FailureCause.PageNotGranted or FailureCause.PermissionMissing or FailureCause.PageRoleLost
        or FailureCause.TokenInvalid;

    /// <summary>
    /// Whether this authorization can run the page: granted with a token and every required permission, not known to
    /// have ended, and with full control of the page.
    /// </summary>
    public static bool IsUsable(AuthorizedPage page) =>
        page.IsGranted && page.ProtectedPageToken is not null && page.MissingScopes.Length == 0 && page.InvalidSince is null
        && PageTasks.HasFullControl(page.Tasks.Split(',', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The team members who fully controlled each page when they last authorized, with whether their authorization
    /// ended and why, by name: whom the banner and the e-mail ask to authorize again. One team's pages at most.
    /// </summary>
    public static async Task<ILookup<string, AuthorizationView>> PeopleAsync(OmnichatDbContext db, Guid teamId, IReadOnlyList<string> pageIds,
        CancellationToken cancellationToken) =>
        (await db.AuthorizedPages.AsNoTracking()
            .Where(p => p.TeamId == teamId && pageIds.Contains(p.PageId))
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
