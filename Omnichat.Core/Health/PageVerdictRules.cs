using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Health;

/// <summary>
/// Reads debug_token and subscribed_apps for one page into a verdict. A token problem outranks a subscription problem;
/// anything that cannot decide (no answer, transient, throttled) is inconclusive and changes nothing.
/// </summary>
public static class PageVerdictRules
{
    public static PageVerdict Decide(PageHealthAnswer answer, string appId)
    {
        if (answer.Token is null || answer.Subscriptions is null)
        {
            return PageVerdict.MissingBatchItem();
        }
        var token = TokenVerdict(answer.Token, answer.PageId);
        if (token is not null)
        {
            return token;
        }
        if (!answer.Subscriptions.IsSuccess)
        {
            return FromError(answer.Subscriptions.Error);
        }
        // Our app by its id, not any app: the list names only the caller's app, but nothing else may pass for it.
        if (answer.Subscriptions.Value.FirstOrDefault(a => a.Id == appId) is not { } ours)
        {
            return PageVerdict.Failed(ConnectionStatus.WebhookNotSubscribed, FailureCause.WebhookNotSubscribed, detail: HistoryNote.WebhookMissing)
                with { NeedsResubscribe = true };
        }
        // Installed but without a field the inbox needs (say, messages): Meta delivers only what both levels subscribe.
        var missing = MessengerWebhookFields.Required.Except(ours.SubscribedFields).ToList();
        return missing.Count == 0
            ? PageVerdict.Passed()
            : PageVerdict.Failed(ConnectionStatus.WebhookNotSubscribed, FailureCause.WebhookNotSubscribed, detail: HistoryNote.WebhookMissing)
                with { NeedsResubscribe = true, MissingFields = missing };
    }

    /// <summary>
    /// What one backup token's debug_token answer says of that person's authorization: null when it decides nothing
    /// (no answer, transient, or a failure that is not the person's), so what was known stays.
    /// </summary>
    public static FailureCause? DecideBackup(GraphResult<TokenDebugInfo>? answer, string pageId)
    {
        if (answer is null)
        {
            return null;
        }
        var verdict = TokenVerdict(answer, pageId);
        return verdict switch
        {
            null => FailureCause.None,
            { Outcome: CheckOutcome.Failed } when Channels.Authorizations.IsTiedToPerson(verdict.Cause) => verdict.Cause,
            _ => null,
        };
    }

    /// <summary>A failed Graph call: its class decides whether it says anything about the connection.</summary>
    public static PageVerdict FromError(GraphError error)
    {
        var diagnosis = GraphErrorClassifier.Classify(error);
        return diagnosis.Status is { } status
            ? PageVerdict.Failed(status, diagnosis.Cause, error)
            : PageVerdict.Inconclusive(error, HistoryNote.FacebookAnswered(error));
    }

    /// <summary>Why an error that decides nothing left the page unchecked, for the result support reads.</summary>
    public static InconclusiveReason ReasonOf(GraphError error) => error switch
    {
        { IsTransport: true, TimedOut: true } => InconclusiveReason.TimedOut,
        { IsTransport: true, HttpStatus: >= 500 } => InconclusiveReason.ServerError,
        { IsTransport: true } => InconclusiveReason.NoAnswer,
        _ => GraphErrorClassifier.Classify(error) switch
        {
            { Cause: FailureCause.RateLimited } => InconclusiveReason.RateLimited,
            { Class: GraphErrorClass.Retry } => InconclusiveReason.Temporary,
            _ => InconclusiveReason.Undecided,
        },
    };

    private static PageVerdict? TokenVerdict(GraphResult<TokenDebugInfo> answer, string pageId)
    {
        if (!answer.IsSuccess)
        {
            return FromError(answer.Error);
        }
        var info = answer.Value;
        if (info.Error is { } tokenError)
        {
            var verdict = FromError(tokenError);
            // debug_token reporting a broken token is an answer, even when the classifier cannot name the cause.
            return verdict.Outcome == CheckOutcome.Inconclusive && tokenError.Code == 190
                ? PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.TokenInvalid, tokenError)
                : verdict;
        }
        if (!info.IsValid)
        {
            return PageVerdict.Failed(ConnectionStatus.NeedsReauthorization, FailureCause.TokenInvalid, detail: "debug_token: is_valid false");
        }
        foreach (var scope in new[] { RequiredScopes.PagesMessaging, RequiredScopes.PagesManageMetadata })
        {
            if (!info.Scopes.Contains(scope))
            {
                return PageVerdict.Failed(ConnectionStatus.MissingPermission, FailureCause.PermissionMissing, detail: $"{scope} is not granted");
            }
            if (info.TargetIdsFor(scope) is { } targets && !targets.Contains(pageId))
            {
                return PageVerdict.Failed(ConnectionStatus.MissingPermission, FailureCause.PageNotGranted, detail: $"{scope} no longer covers the page");
            }
        }
        return null;
    }
}
