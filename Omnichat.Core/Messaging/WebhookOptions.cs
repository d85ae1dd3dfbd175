namespace Omnichat.Core.Messaging;

/// <summary>How much the webhook endpoint takes in at once, and how long a body may wait to be stored.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Bytes of webhook bodies being received or waiting to be stored, all requests together. Beyond it a request is
    /// answered 503 at once, which Meta retries; nothing it was told is stored gets lost. Meta's bodies are a few KB, so
    /// the default only matters when someone sends large bodies with a signature that might be right.
    /// </summary>
    public long MaxBodyBytesInFlight { get; set; } = 16L * 1024 * 1024;

    /// <summary>
    /// How long a signed body may wait to be committed and on disk before the request is answered 503 (a database
    /// locked by another process, a full disk): Meta retries a 503, while a hung request ties up its delivery.
    /// </summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
