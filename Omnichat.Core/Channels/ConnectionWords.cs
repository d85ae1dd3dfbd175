using System.Globalization;
using Omnichat.Core.Health;
using Omnichat.Core.Messaging;
using Omnichat.Core.Resources;

namespace Omnichat.Core.Channels;

/// <summary>
/// The words for every connection status, failure cause and reason an event was kept aside, in one language: the one
/// source the console, the e-mails and support views share, so a status reads the same everywhere. Every enum member
/// is named, so a new one without words fails to compile.
/// </summary>
public sealed class ConnectionWords(CultureInfo culture)
{
    public static ConnectionWords For(CultureInfo culture) => new(culture);

    public string Status(ConnectionStatus status) => Get(status switch
    {
        ConnectionStatus.Healthy => nameof(ConnectionStrings.Status_Healthy),
        ConnectionStatus.NeedsReauthorization => nameof(ConnectionStrings.Status_NeedsReauthorization),
        ConnectionStatus.MissingPermission => nameof(ConnectionStrings.Status_MissingPermission),
        ConnectionStatus.NotPageAdmin => nameof(ConnectionStrings.Status_NotPageAdmin),
        ConnectionStatus.WebhookNotSubscribed => nameof(ConnectionStrings.Status_WebhookNotSubscribed),
        ConnectionStatus.NotMessengerReceiver => nameof(ConnectionStrings.Status_NotMessengerReceiver),
        ConnectionStatus.Disconnected => nameof(ConnectionStrings.Status_Disconnected),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    });

    /// <summary>Why an event was kept aside instead of reaching an inbox: no team had ever connected its page, or the page was disconnected.</summary>
    public string Parked(ParkedReason reason) => Get(reason switch
    {
        ParkedReason.UnknownPage => nameof(ConnectionStrings.Parked_UnknownPage),
        ParkedReason.Disconnected => nameof(ConnectionStrings.Parked_Disconnected),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    });

    /// <summary>The cause in a shop owner's words, with what to do; empty for <see cref="FailureCause.None"/>.</summary>
    public string Cause(FailureCause cause) => cause == FailureCause.None ? "" : Get(cause switch
    {
        FailureCause.PasswordChangedOrSecurityReset => nameof(ConnectionStrings.Cause_PasswordChangedOrSecurityReset),
        FailureCause.SessionInvalidated => nameof(ConnectionStrings.Cause_SessionInvalidated),
        FailureCause.Checkpoint => nameof(ConnectionStrings.Cause_Checkpoint),
        FailureCause.TokenExpired => nameof(ConnectionStrings.Cause_TokenExpired),
        FailureCause.UnconfirmedAccount => nameof(ConnectionStrings.Cause_UnconfirmedAccount),
        FailureCause.AppRemoved => nameof(ConnectionStrings.Cause_AppRemoved),
        FailureCause.PageNotGranted => nameof(ConnectionStrings.Cause_PageNotGranted),
        FailureCause.PermissionMissing => nameof(ConnectionStrings.Cause_PermissionMissing),
        FailureCause.PageRoleLost => nameof(ConnectionStrings.Cause_PageRoleLost),
        FailureCause.WebhookNotSubscribed => nameof(ConnectionStrings.Cause_WebhookNotSubscribed),
        FailureCause.NotMessengerReceiver => nameof(ConnectionStrings.Cause_NotMessengerReceiver),
        FailureCause.TokenInvalid => nameof(ConnectionStrings.Cause_TokenInvalid),
        FailureCause.AppNotLive => nameof(ConnectionStrings.Cause_AppNotLive),
        FailureCause.Transient => nameof(ConnectionStrings.Cause_Transient),
        FailureCause.RateLimited => nameof(ConnectionStrings.Cause_RateLimited),
        FailureCause.Configuration => nameof(ConnectionStrings.Cause_Configuration),
        FailureCause.Unknown => nameof(ConnectionStrings.Cause_Unknown),
        FailureCause.PageRestricted => nameof(ConnectionStrings.Cause_PageRestricted),
        FailureCause.OutsideMessagingWindow => nameof(ConnectionStrings.Cause_OutsideMessagingWindow),
        FailureCause.RecipientUnavailable => nameof(ConnectionStrings.Cause_RecipientUnavailable),
        FailureCause.RecipientNotFound => nameof(ConnectionStrings.Cause_RecipientNotFound),
        FailureCause.AttachmentRejected => nameof(ConnectionStrings.Cause_AttachmentRejected),
        FailureCause.MessageRejected => nameof(ConnectionStrings.Cause_MessageRejected),
        FailureCause.BusinessAppRemoved => nameof(ConnectionStrings.Cause_BusinessAppRemoved),
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    });

    /// <summary>
    /// The cause in a few words, for filters and narrow list cells where the sentence of <see cref="Cause"/> does not
    /// fit; the sentence stays where there is room (details, banner, e-mail). Empty for <see cref="FailureCause.None"/>.
    /// </summary>
    public string CauseLabel(FailureCause cause) => cause == FailureCause.None ? "" : Get(cause switch
    {
        FailureCause.PasswordChangedOrSecurityReset => nameof(ConnectionStrings.CauseLabel_PasswordChangedOrSecurityReset),
        FailureCause.SessionInvalidated => nameof(ConnectionStrings.CauseLabel_SessionInvalidated),
        FailureCause.Checkpoint => nameof(ConnectionStrings.CauseLabel_Checkpoint),
        FailureCause.TokenExpired => nameof(ConnectionStrings.CauseLabel_TokenExpired),
        FailureCause.UnconfirmedAccount => nameof(ConnectionStrings.CauseLabel_UnconfirmedAccount),
        FailureCause.AppRemoved => nameof(ConnectionStrings.CauseLabel_AppRemoved),
        FailureCause.PageNotGranted => nameof(ConnectionStrings.CauseLabel_PageNotGranted),
        FailureCause.PermissionMissing => nameof(ConnectionStrings.CauseLabel_PermissionMissing),
        FailureCause.PageRoleLost => nameof(ConnectionStrings.CauseLabel_PageRoleLost),
        FailureCause.WebhookNotSubscribed => nameof(ConnectionStrings.CauseLabel_WebhookNotSubscribed),
        FailureCause.NotMessengerReceiver => nameof(ConnectionStrings.CauseLabel_NotMessengerReceiver),
        FailureCause.TokenInvalid => nameof(ConnectionStrings.CauseLabel_TokenInvalid),
        FailureCause.AppNotLive => nameof(ConnectionStrings.CauseLabel_AppNotLive),
        FailureCause.Transient => nameof(ConnectionStrings.CauseLabel_Transient),
        FailureCause.RateLimited => nameof(ConnectionStrings.CauseLabel_RateLimited),
        FailureCause.Configuration => nameof(ConnectionStrings.CauseLabel_Configuration),
        FailureCause.Unknown => nameof(ConnectionStrings.CauseLabel_Unknown),
        FailureCause.PageRestricted => nameof(ConnectionStrings.CauseLabel_PageRestricted),
        FailureCause.OutsideMessagingWindow => nameof(ConnectionStrings.CauseLabel_OutsideMessagingWindow),
        FailureCause.RecipientUnavailable => nameof(ConnectionStrings.CauseLabel_RecipientUnavailable),
        FailureCause.RecipientNotFound => nameof(ConnectionStrings.CauseLabel_RecipientNotFound),
        FailureCause.AttachmentRejected => nameof(ConnectionStrings.CauseLabel_AttachmentRejected),
        FailureCause.MessageRejected => nameof(ConnectionStrings.CauseLabel_MessageRejected),
        FailureCause.BusinessAppRemoved => nameof(ConnectionStrings.CauseLabel_BusinessAppRemoved),
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    });

    /// <summary>
    /// Whose authorizations of a failing page ended and why, and who can authorize again (every member who fully
    /// controls the page): "已失效的授權：Dana Chen（密碼已變更）。請 Dana Chen 或 Kevin Wu 以自己的 Facebook 帳號重新授權。"
    /// Empty when nobody is known or the cause is not a person's. The banner and the e-mail say it in these words.
    /// </summary>
    public string WhoCanFix(FailureCause cause, IReadOnlyList<AuthorizationView> people)
    {
        if (people.Count == 0 || !Authorizations.IsTiedToPerson(cause))
        {
            return "";
        }
        var ended = people.Where(p => !p.Works)
            .Select(p => string.Format(culture, Get(nameof(ConnectionStrings.Who_PersonEnded)), p.PersonName, CauseLabel(p.InvalidCause)))
            .ToList();
        var fix = string.Format(culture, Get(nameof(ConnectionStrings.Who_CanFix)), string.Join(Get(nameof(ConnectionStrings.Who_Or)), people.Select(p => p.PersonName)));
        return ended.Count == 0 ? fix : string.Format(culture, Get(nameof(ConnectionStrings.Who_Ended)), string.Join(Get(nameof(ConnectionStrings.Who_Separator)), ended)) + fix;
    }

    /// <summary>Why a check left the page unchecked, with the Graph code or HTTP status it keeps ("-" when none was stored).</summary>
    public string Unchecked(InconclusiveReason reason, int? errorCode, int? httpStatus) => reason switch
    {
        InconclusiveReason.RateLimited => Format(nameof(ConnectionStrings.Unchecked_RateLimited), errorCode),
        InconclusiveReason.Temporary => Format(nameof(ConnectionStrings.Unchecked_Temporary), errorCode),
        InconclusiveReason.TimedOut => Get(nameof(ConnectionStrings.Unchecked_TimedOut)),
        InconclusiveReason.ServerError => Format(nameof(ConnectionStrings.Unchecked_ServerError), httpStatus),
        InconclusiveReason.NoAnswer => Get(nameof(ConnectionStrings.Unchecked_NoAnswer)),
        InconclusiveReason.MissingBatchItem => Get(nameof(ConnectionStrings.Unchecked_MissingBatchItem)),
        InconclusiveReason.Undecided => Format(nameof(ConnectionStrings.Unchecked_Undecided), errorCode),
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>A failure episode that joined one the team was already e-mailed about; <paramref name="emailAt"/> is shown as given.</summary>
    public string JoinedEarlierEmail(string emailAt) => string.Format(culture, Get(nameof(ConnectionStrings.JoinedEarlierEmail)), emailAt);

    /// <summary>
    /// A history row's detail in this language: Omnichat's own notes in words, anything else (Facebook's or a mail
    /// server's error text) as it was stored; null when there is none.
    /// </summary>
    public string? Note(string? stored)
    {
        if (HistoryNote.Parse(stored) is not { } note)
        {
            return string.IsNullOrEmpty(stored) ? null : stored;
        }
        if (note.Kind == HistoryNoteKind.FailedOver && HistoryNote.ReadFailedOver(note.Argument) is var (cause, from, to))
        {
            return string.Format(culture, Get(nameof(ConnectionStrings.Note_FailedOver)), from, CauseLabel(cause), to);
        }
        var text = Get(note.Kind switch
        {
            HistoryNoteKind.Connected => nameof(ConnectionStrings.Note_Connected),
            HistoryNoteKind.Reauthorized => nameof(ConnectionStrings.Note_Reauthorized),
            HistoryNoteKind.Disconnected => nameof(ConnectionStrings.Note_Disconnected),
            HistoryNoteKind.FacebookUser => nameof(ConnectionStrings.Note_FacebookUser),
            HistoryNoteKind.ReceiverStandby => nameof(ConnectionStrings.Note_ReceiverStandby),
            HistoryNoteKind.ReceiverMessaging => nameof(ConnectionStrings.Note_ReceiverMessaging),
            HistoryNoteKind.ReplyFailed => nameof(ConnectionStrings.Note_ReplyFailed),
            HistoryNoteKind.WebhookMissing => nameof(ConnectionStrings.Note_WebhookMissing),
            HistoryNoteKind.Resubscribed => nameof(ConnectionStrings.Note_Resubscribed),
            HistoryNoteKind.ResubscribeFailed => nameof(ConnectionStrings.Note_ResubscribeFailed),
            HistoryNoteKind.ResubscribeUnanswered => nameof(ConnectionStrings.Note_ResubscribeUnanswered),
            HistoryNoteKind.FieldsRepaired => nameof(ConnectionStrings.Note_FieldsRepaired),
            HistoryNoteKind.BatchItemMissing => nameof(ConnectionStrings.Note_BatchItemMissing),
            HistoryNoteKind.BatchUnanswered => nameof(ConnectionStrings.Note_BatchUnanswered),
            HistoryNoteKind.FacebookAnswered => nameof(ConnectionStrings.Note_FacebookAnswered),
            HistoryNoteKind.EmailTeamGone => nameof(ConnectionStrings.Note_EmailTeamGone),
            HistoryNoteKind.EmailPlanEnded => nameof(ConnectionStrings.Note_EmailPlanEnded),
            HistoryNoteKind.EmailUnreadable => nameof(ConnectionStrings.Note_EmailUnreadable),
            HistoryNoteKind.EmailNoRecipients => nameof(ConnectionStrings.Note_EmailNoRecipients),
            HistoryNoteKind.EmailTimedOut => nameof(ConnectionStrings.Note_EmailTimedOut),
            HistoryNoteKind.FailedOver => nameof(ConnectionStrings.Note_FailedOverUnreadable),
            HistoryNoteKind.NotTicked => nameof(ConnectionStrings.Note_NotTicked),
            _ => throw new ArgumentOutOfRangeException(nameof(stored), note.Kind, null),
        });
        return string.Format(culture, text, note.Argument ?? "");
    }

    private string Format(string key, int? number) =>
        string.Format(culture, Get(key), number?.ToString(CultureInfo.InvariantCulture) ?? "-");

    private string Get(string key) =>
        ConnectionStrings.ResourceManager.GetString(key, culture) ?? throw new KeyNotFoundException($"No connection string '{key}'.");
}
