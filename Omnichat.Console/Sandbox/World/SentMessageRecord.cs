namespace Omnichat.Console.Sandbox.World;

/// <summary>One Send API call the sandbox answered, for <c>sentMessages</c> in the state.</summary>
public sealed class SentMessageRecord
{
    public string PageId { get; set; } = "";
    public string RecipientId { get; set; } = "";
    public string? Text { get; set; }
    public string? MessagingType { get; set; }
    public string? Tag { get; set; }
    public string? Metadata { get; set; }
    public string? Mid { get; set; }
    /// <summary>"code/subcode" when refused, else null.</summary>
    public string? Error { get; set; }
    public DateTimeOffset At { get; set; }
}
