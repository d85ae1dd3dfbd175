namespace Omnichat.Core.Receiving;

/// <summary>
/// How many customer messages one connection received by webhook on one day (UTC), counted as they are processed, so
/// "does this page usually receive" is a few small rows to read, not a count over the messages. Kept a few weeks.
/// </summary>
public sealed class ReceivingDay
{
    public Guid ConnectionId { get; set; }
    public DateOnly Day { get; set; }
    public int CustomerMessages { get; set; }
}
