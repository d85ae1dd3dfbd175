using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;

namespace Omnichat.Core.Channels;

/// <summary>
/// Puts another team member's token on a connection whose token in use ended for a reason tied to its person, so
/// the page keeps working. Besides a fresh consent (which puts the consenting person's new token on what it covers,
/// <see cref="ConsentService"/>), the one place a connection changes whose authorization it runs on.
/// </summary>
public static class AuthorizationFailover
{
    /// <summary>
    /// Marks the authorization in use as ended and switches to the usable backup refreshed last, a system user's
    /// before any person's (no person's password change ends it), recording who replaced whom and why. Changes are
    /// tracked on <paramref name="db"/>; the caller saves.
    /// </summary>
    /// <returns>The authorization now in use, or null when no usable one is left (the connection is failing).</returns>
    public static async Task<AuthorizedPage?> FailOverAsync(OmnichatDbContext db, PageConnection connection, FailureCause cause,
        DateTimeOffset at, CancellationToken cancellationToken)
    {
        var rows = await db.AuthorizedPages.Include(p => p.Grant)
            .Where(p => p.TeamId == connection.TeamId && p.PageId == connection.PageId)
            .ToListAsync(cancellationToken);
        if (rows.FirstOrDefault(r => r.GrantId == connection.GrantId) is { } inUse)
        {
            Authorizations.MarkInvalid(inUse, cause, at);
        }
        var backup = rows.Where(r => r.GrantId != connection.GrantId && Authorizations.IsUsable(r))
            .OrderBy(r => Authorizations.Preference(r.Grant!.Kind))
            .ThenByDescending(r => r.RefreshedAt)
            .FirstOrDefault();
        if (backup is null)
        {
            return null;
        }
        var from = connection.FacebookUserName ?? "";
        connection.GrantId = backup.GrantId;
        connection.FacebookUserId = backup.Grant!.FacebookUserId;
        connection.FacebookUserName = backup.Grant.FacebookUserName;
        connection.ProtectedPageToken = backup.ProtectedPageToken;
        db.ConnectionEvents.Add(new ConnectionEvent
        {
            ConnectionId = connection.Id,
            TeamId = connection.TeamId,
            Kind = ConnectionEventKind.FailedOver,
            At = at,
            ActorName = "system",
            Cause = cause,
            Detail = HistoryNote.FailedOver(from, cause, backup.Grant.FacebookUserName),
        });
        return backup;
    }
}
