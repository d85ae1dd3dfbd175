using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Health;

/// <summary>What Facebook's answers about one page mean for its connection.</summary>
public sealed record PageVerdict(CheckOutcome Outcome, ConnectionStatus Status, FailureCause Cause, GraphError? Error = null, string? Detail = null)
{
    /// <summary>Our app is missing from the page's subscribed apps: the checker subscribes it again before deciding.</summary>
    public bool NeedsResubscribe { get; init; }

    public static PageVerdict Passed() => new(CheckOutcome.Passed, ConnectionStatus.Healthy, FailureCause.None);

    public static PageVerdict Inconclusive(string detail, GraphError? error = null) =>
        new(CheckOutcome.Inconclusive, ConnectionStatus.Healthy, FailureCause.Transient, error, detail);

    public static PageVerdict Failed(ConnectionStatus status, FailureCause cause, GraphError? error = null, string? detail = null) =>
        new(CheckOutcome.Failed, status, cause, error, detail);
}
