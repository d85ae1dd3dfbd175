using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Messaging;

/// <summary>What a Send API error means for the agent; the §8.4 classes, told the way an inbox needs them.</summary>
public static class ReplyFailures
{
    public static ReplyFailure From(GraphErrorDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        return diagnosis.Cause switch
        {
            FailureCause.OutsideMessagingWindow => ReplyFailure.OutsideWindow,
            FailureCause.RecipientUnavailable => ReplyFailure.RecipientUnavailable,
            FailureCause.PageRestricted => ReplyFailure.PageRestricted,
            FailureCause.NotMessengerReceiver => ReplyFailure.AnotherAppControls,
            FailureCause.AppNotLive => ReplyFailure.IntegrationBroken,
            _ when diagnosis.Status is not null => ReplyFailure.IntegrationBroken,
            _ when diagnosis.Class == GraphErrorClass.Retry => ReplyFailure.Transient,
            _ => ReplyFailure.Other,
        };
    }

    /// <summary>Every reply of the page fails, not only this one: the seed's "many events" case.</summary>
    public static bool AffectsEveryReply(ReplyFailure failure) => failure is ReplyFailure.IntegrationBroken or ReplyFailure.AnotherAppControls;
}
