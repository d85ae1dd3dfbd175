namespace Omnichat.Core.Integrations;

/// <summary>Whether a team's plan still runs, as support filters and reads it.</summary>
public enum PlanState
{
    /// <summary>No end date, or the last paid day is today or later.</summary>
    Running,
    /// <summary>The last paid day has passed: failure e-mails are suppressed.</summary>
    Ended,
}
