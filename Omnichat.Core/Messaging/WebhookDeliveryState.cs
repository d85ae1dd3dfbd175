namespace Omnichat.Core.Messaging;

public enum WebhookDeliveryState
{
    /// <summary>Stored and acknowledged; not processed yet.</summary>
    Received,
    Processed,
    /// <summary>Processing threw several times; kept with the error for an engineer, never thrown away.</summary>
    Failed,
}
