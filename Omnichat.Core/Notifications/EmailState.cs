namespace Omnichat.Core.Notifications;

public enum EmailState
{
    /// <summary>Waiting to be sent, or waiting for its next attempt after a failure.</summary>
    Pending,
    Sent,
    /// <summary>Not sent because the team's plan has ended; kept so support can see it was due.</summary>
    Suppressed,
    /// <summary>Gave up after too many attempts; the last error says why.</summary>
    Failed,
}
