namespace Omnichat.Core.Health;

public sealed record CheckRunSummary(Guid RunId, int Checked, int Passed, int Failed, int Inconclusive, int Repaired, int EpisodesStarted, int GraphRequests);
