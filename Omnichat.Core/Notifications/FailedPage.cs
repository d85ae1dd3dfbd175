using Omnichat.Core.Channels;

namespace Omnichat.Core.Notifications;

public sealed record FailedPage(Guid ConnectionId, string PageId, string PageName, ConnectionStatus Status, FailureCause Cause);
