namespace Omnichat.Console.Sandbox.World;

/// <summary>Adds every message a page exchanges to its conversation with that customer, inside a world update.</summary>
public static class ConversationLog
{
    /// <summary>
    /// Enough for any test or demo of the 20-message detail limit; older messages are dropped so a long demo does not grow
    /// the state file (saved whole after every change) without bound.
    /// </summary>
    public const int MaxMessagesPerConversation = 200;

    public static SandboxConversationMessage Record(SandboxPage page, string psid, bool fromPage, string mid, string? text,
        IEnumerable<SandboxAttachment>? attachments, DateTimeOffset now)
    {
        var conversation = page.Conversations.FirstOrDefault(c => c.Psid == psid);
        if (conversation is null)
        {
            conversation = new SandboxConversation { Id = "t_" + NewNumber(), Psid = psid };
            page.Conversations.Add(conversation);
        }
        var message = new SandboxConversationMessage
        {
            Id = mid, CreatedTime = now, FromPage = fromPage, Text = text, Attachments = [.. attachments ?? []],
        };
        conversation.Messages.Add(message);
        if (conversation.Messages.Count > MaxMessagesPerConversation)
        {
            conversation.Messages.RemoveRange(0, conversation.Messages.Count - MaxMessagesPerConversation);
        }
        conversation.UpdatedTime = now;
        return message;
    }

    public static (SandboxPage Page, SandboxConversation Conversation)? Find(WorldState state, string conversationId)
    {
        if (!conversationId.StartsWith("t_", StringComparison.Ordinal))
        {
            return null;
        }
        foreach (var page in state.Pages)
        {
            if (page.Conversations.FirstOrDefault(c => c.Id == conversationId) is { } conversation)
            {
                return (page, conversation);
            }
        }
        return null;
    }

    private static string NewNumber() =>
        string.Concat(Enumerable.Range(0, 15).Select(i => (char)('0' + Random.Shared.Next(i == 0 ? 1 : 0, 10))));
}
