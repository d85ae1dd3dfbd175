namespace Omnichat.Core.Integrations;

public enum TimelineKind
{
    Check,
    StatusChanged,
    EpisodeStarted,
    EpisodeEnded,
    Email,
    /// <summary>The checker subscribed our app again after Facebook dropped it.</summary>
    Repaired,
    Connected,
    Disconnected,
    Reauthorized,
    SubscribeFailed,
    UnsubscribeFailed,
    /// <summary>A window in which events may have been missed, with what its back-fill recovered.</summary>
    Gap,
    /// <summary>The token in use ended for its person and another team member's took over; the page kept working.</summary>
    FailedOver,
}
