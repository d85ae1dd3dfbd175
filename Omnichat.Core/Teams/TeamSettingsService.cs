using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Data;
using Omnichat.Core.Notifications;

namespace Omnichat.Core.Teams;

/// <summary>
/// Reads and changes team settings for the settings page, enforcing who may do what here rather than in the page:
/// members read their own team, support staff read every team; only the team's admin edits notification addresses
/// and language; only support staff set the plan end date.
/// </summary>
public sealed class TeamSettingsService(IDbContextFactory<OmnichatDbContext> dbFactory, ILogger<TeamSettingsService> logger)
{
    /// <summary>The teams the caller may open: all for support staff, their own for members.</summary>
    public async Task<IReadOnlyList<TeamSummary>> ListTeamsAsync(Caller caller, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = db.Teams.AsNoTracking();
        if (!caller.IsSupport)
        {
            teams = teams.Where(t => t.Id == caller.TeamId);
        }
        return await teams.OrderBy(t => t.Name).Select(t => new TeamSummary(t.Id, t.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The team's settings, or null when it does not exist or the caller may not read it.</summary>
    public async Task<TeamSettings?> GetAsync(Caller caller, Guid teamId, CancellationToken cancellationToken)
    {
        if (!CanRead(caller, teamId))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        return team is null
            ? null
            : new TeamSettings(team.Id, team.Name, team.PlanEndsOn, TeamCultures.Normalize(team.Culture),
                TeamTimeZones.IsSupported(team.TimeZone) ? team.TimeZone : TeamTimeZones.Default,
                NotificationAddresses.Split(team.NotificationEmails), CanEditNotifications(caller, teamId), CanEditPlan(caller));
    }

    /// <summary>
    /// Saves the extra notification addresses (separated by commas, semicolons or lines) and the e-mail language.
    /// All or nothing: one bad address and nothing is saved, and every bad entry is reported.
    /// </summary>
    public async Task<TeamSettingsResult> SaveNotificationsAsync(
        Caller caller, Guid teamId, string addresses, string culture, CancellationToken cancellationToken)
    {
        if (!CanEditNotifications(caller, teamId))
        {
            return TeamSettingsResult.NotAllowed;
        }
        if (!TeamCultures.IsSupported(culture))
        {
            return TeamSettingsResult.UnsupportedCulture;
        }
        var entries = NotificationAddresses.Split(addresses);
        var invalid = entries.Where(a => !NotificationAddresses.IsValid(a)).ToList();
        if (invalid.Count > 0)
        {
            return new TeamSettingsResult(TeamSettingsOutcome.InvalidAddresses, invalid);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            return TeamSettingsResult.NotFound;
        }
        team.NotificationEmails = NotificationAddresses.Join(entries);
        team.Culture = TeamCultures.Normalize(culture);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId} saved {AddressCount} notification addresses and language {Culture} for team {TeamId}",
            caller.UserId, entries.Count, team.Culture, teamId);
        return TeamSettingsResult.Saved;
    }

    /// <summary>Sets the zone the team's times are shown in. The team's admin only, like its other preferences.</summary>
    public async Task<TeamSettingsResult> SaveTimeZoneAsync(Caller caller, Guid teamId, string timeZone, CancellationToken cancellationToken)
    {
        if (!CanEditNotifications(caller, teamId))
        {
            return TeamSettingsResult.NotAllowed;
        }
        if (!TeamTimeZones.IsSupported(timeZone))
        {
            return TeamSettingsResult.UnsupportedTimeZone;
        }
        if (!await ChangeTeamAsync(teamId, t => t.TimeZone = timeZone, cancellationToken))
        {
            return TeamSettingsResult.NotFound;
        }
        logger.LogInformation("User {UserId} set the time zone of team {TeamId} to {TimeZone}", caller.UserId, teamId, timeZone);
        return TeamSettingsResult.Saved;
    }

    /// <summary>Sets or clears (null: no end) the plan's last day. Support staff only: it stands in for billing.</summary>
    public async Task<TeamSettingsResult> SetPlanEndAsync(Caller caller, Guid teamId, DateOnly? planEndsOn, CancellationToken cancellationToken)
    {
        if (!CanEditPlan(caller))
        {
            return TeamSettingsResult.NotAllowed;
        }
        if (!await ChangeTeamAsync(teamId, t => t.PlanEndsOn = planEndsOn, cancellationToken))
        {
            return TeamSettingsResult.NotFound;
        }
        logger.LogInformation("User {UserId} set the plan end of team {TeamId} to {PlanEndsOn}", caller.UserId, teamId, planEndsOn);
        return TeamSettingsResult.Saved;
    }

    /// <returns>False when the team does not exist (nothing saved).</returns>
    private async Task<bool> ChangeTeamAsync(Guid teamId, Action<Team> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, cancellationToken);
        if (team is null)
        {
            return false;
        }
        change(team);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static bool CanRead(Caller caller, Guid teamId) => caller.IsSupport || caller.TeamId == teamId;

    private static bool CanEditNotifications(Caller caller, Guid teamId) => caller.IsTeamAdmin && caller.TeamId == teamId;

    private static bool CanEditPlan(Caller caller) => caller.IsSupport;
}
