using Omnichat.Core.Channels;

namespace Omnichat.Core.Messaging;

/// <summary>One row of the inbox list.</summary>
/// <param name="HasFailedReply">A reply in it failed and was not delivered since: the list marks it, so it is not forgotten.</param>
public sealed record ConversationSummary(Guid Id, string PageId, string PageName, string Psid, DateTimeOffset LastMessageAt,
    string Preview, int UnreadCount, ConnectionStatus ConnectionStatus, string? CustomerFirstName = null, string? CustomerLastName = null,
    bool HasFailedReply = false)
{
    /// <summary>The customer's name as agents read it, or null until the lookup has found one.</summary>
    public string? CustomerName => CustomerNameFormat.Format(CustomerFirstName, CustomerLastName);
}
