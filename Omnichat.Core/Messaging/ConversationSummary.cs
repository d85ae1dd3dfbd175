using Omnichat.Core.Channels;

namespace Omnichat.Core.Messaging;

/// <summary>One row of the inbox list.</summary>
public sealed record ConversationSummary(Guid Id, string PageId, string PageName, string Psid, DateTimeOffset LastMessageAt,
    string Preview, int UnreadCount, ConnectionStatus ConnectionStatus);
