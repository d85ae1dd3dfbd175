namespace Omnichat.Core.Messaging;

/// <summary>
/// One webhook POST exactly as Meta sent it, stored before the 200 goes back. Only bodies whose signature verified are
/// stored; the processor reads them in arrival order and marks them processed in the same transaction as their effects.
/// </summary>
public sealed class WebhookDelivery
{
    public long Id { get; set; }
    /// <summary>The raw bytes as received (Meta's escaped JSON), so the signature can be checked again later.</summary>
    public required byte[] Body { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public WebhookDeliveryState State { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    /// <summary>Processing attempts; a delivery that keeps failing is set aside as Failed after a few, never deleted.</summary>
    public int Attempts { get; set; }
    public string? Error { get; set; }
}
