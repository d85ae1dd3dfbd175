namespace Omnichat.Core.Messaging;

/// <summary>What became of one webhook POST; the endpoint turns each into its status code.</summary>
public enum WebhookReceipt
{
    /// <summary>Committed and on disk: answer 200.</summary>
    Stored,
    /// <summary>More than <see cref="WebhookReceiver.MaxBodyBytes"/>: 413.</summary>
    TooLarge,
    /// <summary>No well-formed <c>X-Hub-Signature-256</c>; the body was not read: 403.</summary>
    SignatureMissing,
    /// <summary>The digest does not match the body: 403.</summary>
    SignatureWrong,
    /// <summary>Signed, but not a JSON object: 400.</summary>
    NotJson,
    /// <summary>Too many bytes of bodies in memory already: 503, Meta retries.</summary>
    Busy,
    /// <summary>Not committed within <see cref="WebhookOptions.StoreTimeout"/>: 503, Meta retries.</summary>
    NotStoredInTime,
    /// <summary>The database refused it or the intake has stopped: 503, Meta retries.</summary>
    NotStored,
}
