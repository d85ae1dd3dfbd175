namespace Omnichat.Core.Health;

/// <summary>
/// How many checks of one connection passed on one day (UTC), for days whose passed checks the daily clean-up rolled
/// up. Failed, inconclusive and repaired checks are never rolled up: they stay as they were.
/// </summary>
public sealed class DailyCheckCount
{
    public Guid ConnectionId { get; set; }
    public Guid TeamId { get; set; }
    public DateOnly Day { get; set; }
    public int Passed { get; set; }
}
