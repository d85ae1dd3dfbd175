namespace Omnichat.Core.Backfill;

/// <summary>Why the console may have missed a page's events.</summary>
public enum GapCause
{
    /// <summary>Our app was missing from the page's subscribed apps (Meta drops it after an hour of failed webhooks).</summary>
    Unsubscribed,
    /// <summary>The app was removed: no webhook reaches us until someone reauthorizes.</summary>
    AppRemoved,
    /// <summary>The console itself was not running: from its last accepted webhook or heartbeat to its start.</summary>
    ConsoleDown,
    /// <summary>Support asked to read a chosen window again.</summary>
    SupportRequest,
    /// <summary>The webhook endpoint refused signed deliveries (503): from the first refusal to the next delivery stored.</summary>
    IntakeRefused,
}
