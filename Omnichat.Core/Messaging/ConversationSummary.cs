using Omnichat.Core.Channels;

namespace Omnichat.Core.Messaging;

/// <summary>One row of the inbox list.</summary>
public sealed record ConversationSummary(Guid Id, string PageId, string PageName, string Psid, DateTimeOffset LastMessageAt,
    string Preview, int UnreadCount, ConnectionStatus ConnectionStatus, string? CustomerFirstName = null, string? CustomerLastName = null)
{
    /// <summary>The customer's name as agents read it, or null until the lookup has found one.</summary>
    public string? CustomerName => CustomerNameFormat.Format(CustomerFirstName, CustomerLastName);
}
