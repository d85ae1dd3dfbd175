namespace Omnichat.Core.Messaging;

/// <summary>One item of <c>entry[].messaging[]</c> or <c>entry[].standby[]</c>, read into what the console needs (§6.2, §9.3).</summary>
public sealed record WebhookEvent
{
    public required string PageId { get; init; }
    /// <summary>True when it came under <c>standby</c>: another app is the receiver.</summary>
    public bool Standby { get; init; }
    public required WebhookEventKind Kind { get; init; }
    public string? SenderId { get; init; }
    public string? RecipientId { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Mid { get; init; }
    public string? Text { get; init; }
    public IReadOnlyList<WebhookAttachment> Attachments { get; init; } = [];
    public string? AppId { get; init; }
    public string? Metadata { get; init; }
    public string? Payload { get; init; }
    public DateTimeOffset? Watermark { get; init; }
    public IReadOnlyList<string> Mids { get; init; } = [];
    /// <summary>For handover events: the app that owns the thread now (or the one asking for it).</summary>
    public string? NewOwnerAppId { get; init; }
    public string? PreviousOwnerAppId { get; init; }
    /// <summary>The event's JSON, for events kept aside.</summary>
    public required string Json { get; init; }

    /// <summary>The customer's PSID: the sender, except in echoes, where Meta swaps sender and recipient.</summary>
    public string? Psid => Kind == WebhookEventKind.Echo ? RecipientId : SenderId;
}
