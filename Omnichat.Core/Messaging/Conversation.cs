namespace Omnichat.Core.Messaging;

/// <summary>One customer (PSID) talking to one connected page. Created by the first event; earlier history is not imported (FAQ 3).</summary>
public sealed class Conversation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TeamId { get; set; }
    public Guid ConnectionId { get; set; }
    public required string PageId { get; set; }
    public required string Psid { get; set; }
    /// <summary>The last message or postback from the customer: the start of the 24-hour and 7-day windows.</summary>
    public DateTimeOffset? LastCustomerMessageAt { get; set; }
    public DateTimeOffset LastMessageAt { get; set; }
    public string LastMessagePreview { get; set; } = "";
    public int UnreadCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>From Messenger's User Profile API; null until looked up, and when the lookup failed or Meta gave none.</summary>
    public string? CustomerFirstName { get; set; }
    public string? CustomerLastName { get; set; }
    /// <summary>The last lookup, successful or not: a failed one is not tried again for a while.</summary>
    public DateTimeOffset? CustomerProfileCheckedAt { get; set; }
}
