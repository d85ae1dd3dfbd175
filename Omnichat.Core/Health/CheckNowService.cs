using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Health;

/// <summary>"Check now" from the console: the same check as the hourly run, limited to what the caller may see.</summary>
public sealed class CheckNowService(IntegrationChecker checker, IDbContextFactory<OmnichatDbContext> dbFactory)
{
    /// <summary>Checks every live connection of the caller's team; null when the caller has no team.</summary>
    public async Task<CheckRunSummary?> CheckTeamAsync(Caller caller, IProgress<CheckProgress>? progress, CancellationToken cancellationToken) =>
        caller.TeamId is Guid teamId ? await checker.CheckAsync(CheckScope.Team(teamId), progress, cancellationToken) : null;

    /// <summary>
    /// Checks every live connection of one team: support staff any team, members only their own. Null when the caller
    /// may not, which is the same answer for a team that does not exist, so ids of other teams cannot be probed.
    /// </summary>
    public async Task<CheckRunSummary?> CheckTeamAsync(Caller caller, Guid teamId, IProgress<CheckProgress>? progress, CancellationToken cancellationToken)
    {
        if (!caller.IsSupport && caller.TeamId != teamId)
        {
            return null;
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Teams.AnyAsync(t => t.Id == teamId, cancellationToken))
            {
                return null;
            }
        }
        return await checker.CheckAsync(CheckScope.Team(teamId), progress, cancellationToken);
    }

    /// <summary>Checks one connection of the caller's team (support staff: of any team); null when it is not theirs.</summary>
    public async Task<CheckRunSummary?> CheckConnectionAsync(Caller caller, Guid connectionId, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var visible = await db.PageConnections.AnyAsync(
                c => c.Id == connectionId && c.Status != ConnectionStatus.Disconnected && (caller.IsSupport || c.TeamId == caller.TeamId),
                cancellationToken);
            if (!visible)
            {
                return null;
            }
        }
        return await checker.CheckAsync(CheckScope.Connection(connectionId), null, cancellationToken);
    }
}
