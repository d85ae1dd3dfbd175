using Omnichat.Core.Channels;

namespace Omnichat.Core.Integrations;

/// <summary>A team's connection of a page that has kept-aside events, live or disconnected, so support can tell whose page it was.</summary>
public sealed record ParkedPageConnection(
    Guid ConnectionId,
    Guid TeamId,
    string TeamName,
    string PageName,
    ConnectionStatus Status,
    DateTimeOffset ConnectedAt,
    DateTimeOffset? DisconnectedAt);
