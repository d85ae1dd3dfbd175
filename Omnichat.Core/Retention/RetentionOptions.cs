namespace Omnichat.Core.Retention;

/// <summary>How long the daily clean-up keeps what (README, "What is kept how long").</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Raw webhook bodies are removed this long after they were processed; their effects (messages) stay.</summary>
    public TimeSpan WebhookBodies { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Events kept aside for pages no team had connected; support reads them, so they stay longer.</summary>
    public TimeSpan ParkedEvents { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Passed checks older than this become one count per connection and day.</summary>
    public TimeSpan PassedChecks { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Rows removed per statement, so a first clean-up of a large database never holds the write lock for long.</summary>
    public int BatchSize { get; set; } = 5000;
}
