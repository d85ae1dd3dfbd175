namespace Omnichat.Core.Health;

/// <summary>What recording a run's verdicts did beyond storing them.</summary>
/// <param name="EpisodesStarted">Failure episodes that started.</param>
/// <param name="FailedOver">
/// Connections whose token in use ended for its person and that now run on another team member's: counted as passed,
/// since the page works.
/// </param>
public sealed record RecordedResults(int EpisodesStarted, int FailedOver);
