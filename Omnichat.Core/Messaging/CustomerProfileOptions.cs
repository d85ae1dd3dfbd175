namespace Omnichat.Core.Messaging;

/// <summary>The background lookup of customers' names (Messenger's User Profile API).</summary>
public sealed class CustomerProfileOptions
{
    public const string SectionName = "CustomerProfiles";

    /// <summary>Off in tests that look up on demand; the console looks names up by default.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Conversations looked up per round; one Graph call each.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>How often the lookup looks for work when no new conversation woke it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A failed lookup is not tried again before this: a customer who hides their name stays hidden for a while.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromDays(1);
}
