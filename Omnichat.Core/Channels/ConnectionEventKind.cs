namespace Omnichat.Core.Channels;

public enum ConnectionEventKind
{
    Connected,
    Disconnected,
    Reauthorized,
    StatusChanged,
    SubscribeFailed,
    UnsubscribeFailed,
}
