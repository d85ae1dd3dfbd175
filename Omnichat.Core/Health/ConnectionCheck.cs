using Omnichat.Core.Channels;

namespace Omnichat.Core.Health;

/// <summary>One check of one connection: what Facebook said and what it meant.</summary>
public sealed class ConnectionCheck
{
    public long Id { get; set; }
    public Guid ConnectionId { get; set; }
    public Guid TeamId { get; set; }
    /// <summary>The check run this result belongs to; pages failing in the same run share one e-mail.</summary>
    public Guid RunId { get; set; }
    public DateTimeOffset At { get; set; }
    public CheckOutcome Outcome { get; set; }
    public ConnectionStatus Status { get; set; }
    public FailureCause Cause { get; set; }
    /// <summary>Why an inconclusive check could not decide; null for the other outcomes and for results stored before it was kept.</summary>
    public InconclusiveReason? Reason { get; set; }
    public int? ErrorCode { get; set; }
    public int? ErrorSubcode { get; set; }
    public string? FbTraceId { get; set; }
    /// <summary>The HTTP status of an answer that was not Graph's (a 5xx without an error object).</summary>
    public int? HttpStatus { get; set; }
    public string? Detail { get; set; }
}
