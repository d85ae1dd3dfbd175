using Omnichat.Core.Channels;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Integrations;

/// <summary>Who reads whose integration data: support staff every team (read-only), members their own team, anyone else nothing.</summary>
internal static class IntegrationScope
{
    public static IQueryable<PageConnection> Visible(IQueryable<PageConnection> connections, Caller caller) => caller switch
    {
        { IsSupport: true } => connections,
        { TeamId: Guid teamId } => connections.Where(c => c.TeamId == teamId),
        _ => connections.Where(c => false),
    };

    public static bool CanRead(Caller caller, Guid teamId) => caller.IsSupport || caller.TeamId == teamId;
}
