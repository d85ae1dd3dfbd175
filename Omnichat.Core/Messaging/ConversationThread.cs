using Omnichat.Core.Channels;

namespace Omnichat.Core.Messaging;

/// <summary>A conversation with its messages (oldest first), its connection's state and the reply window now.</summary>
public sealed record ConversationThread(ConversationSummary Summary, IReadOnlyList<MessageView> Messages, Guid ConnectionId,
    ConnectionStatus ConnectionStatus, FailureCause ConnectionCause, MessagingWindow Window);
