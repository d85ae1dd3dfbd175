using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Notifications;

/// <summary>
/// Who a team's reminders go to, decided when sending (not when queued) so a newly added admin or address is included:
/// the team's admins plus <see cref="Team.NotificationEmails"/>.
/// </summary>
public sealed class RecipientResolver(IDbContextFactory<OmnichatDbContext> dbFactory)
{
    public async Task<IReadOnlyList<string>> ResolveAsync(Team team, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var admins = await (
                from user in db.Users
                where user.TeamId == team.Id && user.Email != null
                join userRole in db.UserRoles on user.Id equals userRole.UserId
                join role in db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.TeamAdmin
                orderby user.Email
                select user.Email)
            .ToListAsync(cancellationToken);
        return NotificationAddresses.Merge(admins, team.NotificationEmails);
    }
}
