namespace Omnichat.Core.Notifications;

/// <summary>
/// An e-mail that is due, stored in the same transaction as the reason for it, and sent afterwards by the outbox
/// dispatcher. A unique index on (TeamId, Kind, RunId) keeps one e-mail per team per check run.
/// </summary>
public sealed class OutboxEmail
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TeamId { get; set; }
    public EmailKind Kind { get; set; }
    public Guid RunId { get; set; }
    /// <summary>What the e-mail is about, as JSON (for <see cref="EmailKind.ConnectionFailure"/>: <see cref="ConnectionFailurePayload"/>).</summary>
    public string Payload { get; set; } = "{}";
    public EmailState State { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>Who it went to, comma-separated, filled when sent.</summary>
    public string? Recipients { get; set; }
    public string? Subject { get; set; }
    public string? LastError { get; set; }
}
