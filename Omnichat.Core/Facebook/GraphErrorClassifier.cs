using Omnichat.Core.Channels;

namespace Omnichat.Core.Facebook;

/// <summary>
/// The §8.4 classification table of the wire notes. It matches on code and subcode first; message text only
/// refines a code we already matched, because Meta often omits the subcode (190 without one is common) and
/// classifying on text alone is the mistake Chatwoot made (chatwoot#14729).
/// </summary>
public static class GraphErrorClassifier
{
    public static GraphErrorDiagnosis Classify(GraphError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var (errorClass, cause) = Match(error);
        // Only a broken connection or a page problem proves a status; a page restriction has none of its own.
        var status = errorClass is GraphErrorClass.Reauthorize or GraphErrorClass.PageFix
            && ConnectionStatusRules.TryGetStatus(cause, out var decided)
                ? decided
                : (ConnectionStatus?)null;
        return new GraphErrorDiagnosis(errorClass, cause, status);
    }

    private static (GraphErrorClass, FailureCause) Match(GraphError error) => (error.Code, error.Subcode) switch
    {
        (GraphError.TransportCode, _) => Retry,
        (190, _) => AccessTokenError(error),
        (102, _) => Reauthorize(FailureCause.TokenInvalid),

        (1, _) or (2, _) => Retry,
        (4, 2018354) => MessageRejected,
        (4, _) or (17, _) or (32, _) or (341, _) => RateLimited,
        (613, 2018338) or (613, 1893016) => MessageRejected,
        (613, _) => RateLimited,
        (>= 80000 and <= 80014, _) => RateLimited,
        (9, _) => MessageRejected,

        (10, 1893063) => (GraphErrorClass.PageFix, FailureCause.PageRestricted),
        (10, 2018278) or (10, 2018065) or (10, 2534022) => (GraphErrorClass.MessageOnly, FailureCause.OutsideMessagingWindow),
        (10, 2018108) => RecipientUnavailable,
        (10, _) or (3, _) or (230, _) => PermissionMissing,

        (551, _) or (200, 1545041) => RecipientUnavailable,
        // "Cannot message users who are not admins, developers or testers... until pages_messaging is reviewed
        // and the app is live": every non-tester fails, which is the Meta app's state, not the page's.
        (200, 2018028) => AppNotLive,
        (200, null) when Mentions(error, "not admins") || Mentions(error, "app is live") => AppNotLive,
        (>= 200 and <= 299, _) => PermissionMissing,

        (100, 2018001) or (100, 2534014) => (GraphErrorClass.MessageOnly, FailureCause.RecipientNotFound),
        (100, 2018008) or (100, 2018047) or (100, 2018074) or (100, 2018109) or (100, 2018294)
            => (GraphErrorClass.MessageOnly, FailureCause.AttachmentRejected),
        (100, 2534037) or (2018300, _) => (GraphErrorClass.MessageOnly, FailureCause.NotMessengerReceiver),
        (100, _) or (101, _) => (GraphErrorClass.Configuration, FailureCause.Configuration),

        (368, _) => (GraphErrorClass.PageFix, FailureCause.PageRestricted),

        _ when error.IsTransient == true => Retry,
        _ => (GraphErrorClass.Configuration, FailureCause.Unknown),
    };

    private static (GraphErrorClass, FailureCause) AccessTokenError(GraphError error) => error.Subcode switch
    {
        460 => Reauthorize(FailureCause.PasswordChangedOrSecurityReset),
        466 or 467 or 456 or 457 or 461 or 462 or 465 or 468 => Reauthorize(FailureCause.SessionInvalidated),
        459 => Reauthorize(FailureCause.Checkpoint),
        463 => Reauthorize(FailureCause.TokenExpired),
        464 => Reauthorize(FailureCause.UnconfirmedAccount),
        458 => Reauthorize(FailureCause.AppRemoved),
        // The token's user no longer has a suitable role on the page: reconnect with someone who has.
        492 => (GraphErrorClass.PageFix, FailureCause.PageRoleLost),
        null => AccessTokenErrorWithoutSubcode(error),
        _ => Reauthorize(FailureCause.TokenInvalid),
    };

    // Meta often drops the subcode (the captured password-change error has none at top level), so the
    // documented message wording refines a 190 we already know is a token error.
    private static (GraphErrorClass, FailureCause) AccessTokenErrorWithoutSubcode(GraphError error)
    {
        if (Mentions(error, "impersonating a user's page") || Mentions(error, "impersonating a users page"))
        {
            return Reauthorize(FailureCause.PageNotGranted);
        }
        if (Mentions(error, "changed their password") || Mentions(error, "for security reasons"))
        {
            return Reauthorize(FailureCause.PasswordChangedOrSecurityReset);
        }
        if (Mentions(error, "has not authorized application"))
        {
            return Reauthorize(FailureCause.AppRemoved);
        }
        if (Mentions(error, "Session has expired"))
        {
            return Reauthorize(FailureCause.TokenExpired);
        }
        if (Mentions(error, "user logged out") || Mentions(error, "invalidated explicitly"))
        {
            return Reauthorize(FailureCause.SessionInvalidated);
        }
        if (Mentions(error, "follow the instructions given"))
        {
            return Reauthorize(FailureCause.Checkpoint);
        }
        return Reauthorize(FailureCause.TokenInvalid);
    }

    private static bool Mentions(GraphError error, string phrase) =>
        error.Message.Contains(phrase, StringComparison.OrdinalIgnoreCase);

    private static (GraphErrorClass, FailureCause) Reauthorize(FailureCause cause) => (GraphErrorClass.Reauthorize, cause);

    private static (GraphErrorClass, FailureCause) Retry => (GraphErrorClass.Retry, FailureCause.Transient);

    private static (GraphErrorClass, FailureCause) RateLimited => (GraphErrorClass.Retry, FailureCause.RateLimited);

    private static (GraphErrorClass, FailureCause) PermissionMissing => (GraphErrorClass.PageFix, FailureCause.PermissionMissing);

    private static (GraphErrorClass, FailureCause) RecipientUnavailable => (GraphErrorClass.MessageOnly, FailureCause.RecipientUnavailable);

    private static (GraphErrorClass, FailureCause) MessageRejected => (GraphErrorClass.MessageOnly, FailureCause.MessageRejected);

    private static (GraphErrorClass, FailureCause) AppNotLive => (GraphErrorClass.Configuration, FailureCause.AppNotLive);
}
