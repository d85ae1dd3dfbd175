namespace Omnichat.Core.Health;

/// <param name="Passed">Connections that work, including those that moved to a backup authorization (<paramref name="FailedOver"/>).</param>
public sealed record CheckRunSummary(Guid RunId, int Checked, int Passed, int Failed, int Inconclusive, int Repaired, int EpisodesStarted, int GraphRequests,
    int FailedOver = 0);
