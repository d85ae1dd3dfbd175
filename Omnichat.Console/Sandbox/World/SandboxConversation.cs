namespace Omnichat.Console.Sandbox.World;

/// <summary>
/// One customer's Messenger thread with a page, as the Conversations API reads it (§17). Kept whether or not a webhook
/// reached the console: on Facebook the thread holds what the customer wrote even while our app was unsubscribed.
/// </summary>
public sealed class SandboxConversation
{
    /// <summary>Meta's conversation ids look like <c>t_</c> followed by digits.</summary>
    public string Id { get; set; } = "";
    public string Psid { get; set; } = "";
    /// <summary>"The time when the last message was added."</summary>
    public DateTimeOffset UpdatedTime { get; set; }
    /// <summary>Oldest first, as they were written.</summary>
    public List<SandboxConversationMessage> Messages { get; set; } = [];
}
