namespace Omnichat.Core.Health;

/// <summary>
/// Why a check could not decide, kept with the result so support sees why a page was not checked (with the Graph
/// code or HTTP status where there is one). Words for each are in <see cref="Channels.ConnectionWords"/>.
/// </summary>
public enum InconclusiveReason
{
    /// <summary>Facebook throttled the app or the page (codes 4, 17, 32, 341, 613, 80000-80014), even after backing off.</summary>
    RateLimited,
    /// <summary>Facebook reported a temporary problem of its own (codes 1, 2, or is_transient).</summary>
    Temporary,
    /// <summary>No answer within the client's timeout.</summary>
    TimedOut,
    /// <summary>An HTTP 5xx without a Graph error object.</summary>
    ServerError,
    /// <summary>The connection failed, or the answer was not Graph's (unreadable, an unexpected shape).</summary>
    NoAnswer,
    /// <summary>The batch answered null for this page's calls: it ran out of time before reaching them.</summary>
    MissingBatchItem,
    /// <summary>Facebook answered an error that says nothing about the connection (a bad request, a restriction on sending).</summary>
    Undecided,
}
