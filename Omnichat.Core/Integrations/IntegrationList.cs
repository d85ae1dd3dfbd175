using Omnichat.Core.Channels;

namespace Omnichat.Core.Integrations;

/// <param name="TotalCount">Rows matching every filter, for the pager.</param>
/// <param name="StatusCounts">Connections per status matching every filter except the status one, for the counts on top.</param>
public sealed record IntegrationList(IReadOnlyList<IntegrationRow> Rows, int TotalCount, IReadOnlyDictionary<ConnectionStatus, int> StatusCounts)
{
    public static readonly IntegrationList Empty = new([], 0, new Dictionary<ConnectionStatus, int>());
}
