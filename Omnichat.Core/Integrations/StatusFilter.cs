namespace Omnichat.Core.Integrations;

/// <summary>Which statuses the list shows: all, every failing one, or exactly one.</summary>
public enum StatusFilter
{
    All,
    /// <summary>Live and not healthy: what support looks at first.</summary>
    Failing,
    Healthy,
    NeedsReauthorization,
    MissingPermission,
    NotPageAdmin,
    WebhookNotSubscribed,
    NotMessengerReceiver,
    Disconnected,
}
