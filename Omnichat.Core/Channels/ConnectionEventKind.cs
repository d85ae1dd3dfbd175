namespace Omnichat.Core.Channels;

public enum ConnectionEventKind
{
    Connected,
    Disconnected,
    Reauthorized,
    StatusChanged,
    SubscribeFailed,
    UnsubscribeFailed,
    /// <summary>The checker found our app missing from the page's subscribed apps and subscribed it again.</summary>
    Resubscribed,
    /// <summary>The token in use stopped working for a reason tied to its person; another person's token took over.</summary>
    FailedOver,
}
