namespace Omnichat.Console.Sandbox;

/// <summary>The built-in Facebook, section "Sandbox".</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    public bool Enabled { get; set; } = true;
    /// <summary>The sandbox world (users, pages, grants, token hashes) survives a restart in this file.</summary>
    public string StatePath { get; set; } = "data/sandbox.json";
    /// <summary>Meta drops a page's subscription after about an hour of failed webhooks (the old docs said 8 h).</summary>
    public int WebhookFailureUnsubscribeMinutes { get; set; } = 60;
    /// <summary>Meta's authorization codes expire after about ten minutes (100/36007).</summary>
    public int CodeLifetimeMinutes { get; set; } = 10;
    public int ShortLivedTokenSeconds { get; set; } = 7200;
    /// <summary>The expires_in Meta reports for a fresh long-lived user token (about 60 days).</summary>
    public int LongLivedTokenSeconds { get; set; } = 5183944;
    /// <summary>How long a half-finished consent dialog is kept on the server.</summary>
    public int DialogSessionMinutes { get; set; } = 30;
}
