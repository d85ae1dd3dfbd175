namespace Omnichat.Core.Messaging;

/// <summary>
/// A message in a conversation, either way. Inbound ones are unique per page by Meta's <c>mid</c>; a reply is stored
/// (Pending) before it is sent, gets its <c>mid</c> from the Send API, and keeps the error when it fails.
/// </summary>
public sealed class Message
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ConversationId { get; set; }
    public Guid TeamId { get; set; }
    public required string PageId { get; set; }
    /// <summary>Meta's message id; null for a reply not yet accepted and for events without one (handover).</summary>
    public string? Mid { get; set; }
    public MessageDirection Direction { get; set; }
    public MessageKind Kind { get; set; }
    public string? Text { get; set; }
    /// <summary>JSON array of {type, url}, as Meta sent them.</summary>
    public string? AttachmentsJson { get; set; }
    /// <summary>Postback payload, handover metadata.</summary>
    public string? Payload { get; set; }
    /// <summary>Meta's timestamp for events, the time the agent pressed send for replies.</summary>
    public DateTimeOffset At { get; set; }
    public DeliveryState DeliveryState { get; set; }
    public EchoSource EchoSource { get; set; }
    /// <summary>The app that sent an echo (ours, Meta's Page Inbox 263902037430900, or another).</summary>
    public string? AppId { get; set; }
    /// <summary>Arrived under "standby": another app was the receiver.</summary>
    public bool FromStandby { get; set; }
    public string? AgentName { get; set; }
    public string? MessagingType { get; set; }
    public string? Tag { get; set; }
    public ReplyFailure? Failure { get; set; }
    public int? ErrorCode { get; set; }
    public int? ErrorSubcode { get; set; }
    public string? FbTraceId { get; set; }
    public string? ErrorMessage { get; set; }
    public int SendAttempts { get; set; }
    /// <summary>Read back from the Conversations API after an outage, not delivered by webhook ("於中斷後補回").</summary>
    public bool Recovered { get; set; }
}
