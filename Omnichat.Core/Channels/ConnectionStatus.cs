namespace Omnichat.Core.Channels;

/// <summary>The one vocabulary for a page connection's state; every screen, e-mail and report uses these.</summary>
public enum ConnectionStatus
{
    Healthy,
    NeedsReauthorization,
    MissingPermission,
    NotPageAdmin,
    WebhookNotSubscribed,
    NotMessengerReceiver,
    Disconnected,
}
