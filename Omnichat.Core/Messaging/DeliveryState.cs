namespace Omnichat.Core.Messaging;

public enum DeliveryState
{
    /// <summary>An inbound message.</summary>
    Received,
    /// <summary>A reply stored and not yet accepted by the Send API.</summary>
    Pending,
    Sent,
    Delivered,
    Read,
    Failed,
}
