namespace Omnichat.Console.Sandbox;

/// <summary>
/// The built-in Facebook, section "Sandbox". Whether it runs at all (<c>Sandbox:Enabled</c>) is decided once by
/// <see cref="Omnichat.Core.Deployment.DeploymentMode"/>: on in Development, elsewhere only when set explicitly.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The sandbox world (users, pages, grants, token hashes) survives a restart in this file.</summary>
    public string StatePath { get; set; } = "data/sandbox.json";
    /// <summary>Meta drops a page's subscription after about an hour of failed webhooks (the old docs said 8 h).</summary>
    public int WebhookFailureUnsubscribeMinutes { get; set; } = 60;
    /// <summary>
    /// For the sandbox running as its own process (<c>-- sandbox</c>): the console it plays Facebook for, where its
    /// webhooks, deauthorize callbacks and consent redirects go. Empty inside the console: the console's own address.
    /// </summary>
    public string ConsoleUrl { get; set; } = "";
    /// <summary>Where webhooks go; empty means the console's /webhooks/facebook (tests point it elsewhere to see retries).</summary>
    public string WebhookUrl { get; set; } = "";
    /// <summary>The first retry of a webhook the console did not answer 200; each next one waits twice as long.</summary>
    public int WebhookRetryDelayMs { get; set; } = 500;
    public int WebhookRetryMaxDelayMs { get; set; } = 30_000;
    /// <summary>Meta's authorization codes expire after about ten minutes (100/36007).</summary>
    public int CodeLifetimeMinutes { get; set; } = 10;
    public int ShortLivedTokenSeconds { get; set; } = 7200;
    /// <summary>The expires_in Meta reports for a fresh long-lived user token (about 60 days).</summary>
    public int LongLivedTokenSeconds { get; set; } = 5183944;
    /// <summary>How long a half-finished consent dialog is kept on the server.</summary>
    public int DialogSessionMinutes { get; set; } = 30;
}
