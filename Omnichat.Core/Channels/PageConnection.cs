namespace Omnichat.Core.Channels;

/// <summary>A Facebook page connected to a team. Disconnected connections stay, with their history.</summary>
public sealed class PageConnection
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TeamId { get; set; }
    public required string PageId { get; set; }
    public required string PageName { get; set; }
    public Guid? GrantId { get; set; }
    /// <summary>The facebook user whose grant the page token came from.</summary>
    public string? FacebookUserId { get; set; }
    public string? FacebookUserName { get; set; }
    /// <summary>The page token, encrypted with Data Protection.</summary>
    public string? ProtectedPageToken { get; set; }
    public ConnectionStatus Status { get; set; }
    public FailureCause Cause { get; set; }
    public DateTimeOffset StatusChangedAt { get; set; }
    public DateTimeOffset ConnectedAt { get; set; }
    public string? ConnectedByUserId { get; set; }
    public string ConnectedByName { get; set; } = "";
    public DateTimeOffset? DisconnectedAt { get; set; }
    public string? DisconnectedByName { get; set; }
    public DateTimeOffset? LastCheckedAt { get; set; }
    /// <summary>The last Graph error, as "code/subcode fbtrace_id message" for support; never a token.</summary>
    public string? LastError { get; set; }
    /// <summary>When a webhook last brought any event for the page (kept by webhook processing, <c>ReceivingRecorder</c>).</summary>
    public DateTimeOffset? LastEventAt { get; set; }
    /// <summary>When a webhook last brought a customer's message or postback for the page.</summary>
    public DateTimeOffset? LastCustomerMessageAt { get; set; }
}
