using Omnichat.Core.Channels;

namespace Omnichat.Core.Integrations;

/// <summary>How many of a team's live connections were in each status at the end of a day (UTC).</summary>
public sealed record DailyStatusCounts(DateOnly Day, IReadOnlyDictionary<ConnectionStatus, int> Counts);
