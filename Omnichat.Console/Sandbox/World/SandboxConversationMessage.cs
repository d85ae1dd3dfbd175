namespace Omnichat.Console.Sandbox.World;

/// <summary>A message of a <see cref="SandboxConversation"/>; its id is the webhook's <c>mid</c>, as on Facebook.</summary>
public sealed class SandboxConversationMessage
{
    public string Id { get; set; } = "";
    public DateTimeOffset CreatedTime { get; set; }
    /// <summary>True when the page wrote it (a Send API reply or one typed in Meta's inbox), false for the customer.</summary>
    public bool FromPage { get; set; }
    public string? Text { get; set; }
    public List<SandboxAttachment> Attachments { get; set; } = [];
}
