namespace Omnichat.Core.Channels;

/// <summary>The audit trail of a connection: who did what, and every status change.</summary>
public sealed class ConnectionEvent
{
    public long Id { get; set; }
    public Guid ConnectionId { get; set; }
    public Guid TeamId { get; set; }
    public ConnectionEventKind Kind { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorUserId { get; set; }
    public string ActorName { get; set; } = "";
    public ConnectionStatus? Status { get; set; }
    public FailureCause? Cause { get; set; }
    public string? Detail { get; set; }
}
