namespace Omnichat.Core.Messaging;

/// <summary>
/// An event for a page no team has connected (or one that was disconnected): kept aside with its JSON instead of being
/// dropped silently, so a later connection or support can still see what the customer wrote.
/// </summary>
public sealed class ParkedEvent
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public required string PageId { get; set; }
    public ParkedReason Reason { get; set; }
    /// <summary>"messaging" or "standby".</summary>
    public required string Field { get; set; }
    public required string EventJson { get; set; }
    public DateTimeOffset EventAt { get; set; }
    public DateTimeOffset ParkedAt { get; set; }
}
