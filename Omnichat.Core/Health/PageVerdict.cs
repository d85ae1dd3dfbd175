using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Health;

/// <summary>What Facebook's answers about one page mean for its connection.</summary>
public sealed record PageVerdict(CheckOutcome Outcome, ConnectionStatus Status, FailureCause Cause, GraphError? Error = null, string? Detail = null)
{
    /// <summary>Our app is missing from the page's subscribed apps: the checker subscribes it again before deciding.</summary>
    public bool NeedsResubscribe { get; init; }

    /// <summary>Webhook fields our app's subscription lacks (the app itself is installed); the repair subscribes them again.</summary>
    public IReadOnlyList<string> MissingFields { get; init; } = [];

    /// <summary>Why an inconclusive check could not decide; null for every other outcome.</summary>
    public InconclusiveReason? Reason { get; init; }

    /// <summary>
    /// What the check learnt about each person's token for the page (the one in use and the backups); tokens it could
    /// not decide about are left out, so they keep what was known.
    /// </summary>
    public IReadOnlyList<AuthorizationResult> Authorizations { get; init; } = [];

    /// <summary>
    /// The <see cref="TokenFingerprint"/> of the token Facebook was asked about; a verdict about a token the
    /// connection no longer runs on (reauthorized or moved to a backup meanwhile) is not applied. Null: not token-bound.
    /// </summary>
    public string? TokenChecked { get; init; }

    public static PageVerdict Passed() => new(CheckOutcome.Passed, ConnectionStatus.Healthy, FailureCause.None);

    /// <summary>Facebook answered with an error that decides nothing; the error says why (<see cref="PageVerdictRules.ReasonOf"/>).</summary>
    public static PageVerdict Inconclusive(GraphError error, string detail) =>
        new(CheckOutcome.Inconclusive, ConnectionStatus.Healthy, FailureCause.Transient, error, detail) { Reason = PageVerdictRules.ReasonOf(error) };

    /// <summary>A batch that answered null for this page's calls: nothing to classify.</summary>
    public static PageVerdict MissingBatchItem() =>
        new(CheckOutcome.Inconclusive, ConnectionStatus.Healthy, FailureCause.Transient, Detail: HistoryNote.BatchItemMissing)
        {
            Reason = InconclusiveReason.MissingBatchItem,
        };

    public static PageVerdict Failed(ConnectionStatus status, FailureCause cause, GraphError? error = null, string? detail = null) =>
        new(CheckOutcome.Failed, status, cause, error, detail);
}
