namespace Omnichat.Core.Integrations;

/// <summary>The orders the integration status list offers; each one is backed by an index or a small set.</summary>
public enum IntegrationSort
{
    /// <summary>Failing connections first, the longest failing on top; then the rest by page name.</summary>
    FailingSince,
    Team,
    Page,
    Status,
    LastCheck,
}
