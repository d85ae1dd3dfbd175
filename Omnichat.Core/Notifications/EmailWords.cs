using System.Globalization;
using Omnichat.Core.Channels;
using Omnichat.Core.Resources;

namespace Omnichat.Core.Notifications;

/// <summary>
/// E-mail strings in one team's language. The culture is explicit rather than ambient (CultureInfo.CurrentUICulture),
/// because e-mails are written in a background service for a team, not for whoever is signed in. Statuses and causes
/// mean the same as the console's words for them (FacebookText in the console); every enum member is named, so a new
/// one without words fails to compile.
/// </summary>
public sealed class EmailWords(CultureInfo culture)
{
    public CultureInfo Culture { get; } = culture;

    public static EmailWords For(string? teamCulture) =>
        new(CultureInfo.GetCultureInfo(Teams.TeamCultures.Normalize(teamCulture)));

    public string this[string key] =>
        EmailStrings.ResourceManager.GetString(key, Culture) ?? throw new KeyNotFoundException($"No e-mail string '{key}'.");

    public string Format(string key, params object[] arguments) => string.Format(Culture, this[key], arguments);

    public string Status(ConnectionStatus status) => this[status switch
    {
        ConnectionStatus.Healthy => nameof(EmailStrings.Status_Healthy),
        ConnectionStatus.NeedsReauthorization => nameof(EmailStrings.Status_NeedsReauthorization),
        ConnectionStatus.MissingPermission => nameof(EmailStrings.Status_MissingPermission),
        ConnectionStatus.NotPageAdmin => nameof(EmailStrings.Status_NotPageAdmin),
        ConnectionStatus.WebhookNotSubscribed => nameof(EmailStrings.Status_WebhookNotSubscribed),
        ConnectionStatus.NotMessengerReceiver => nameof(EmailStrings.Status_NotMessengerReceiver),
        ConnectionStatus.Disconnected => nameof(EmailStrings.Status_Disconnected),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    }];

    public string Cause(FailureCause cause) => cause == FailureCause.None ? "" : this[cause switch
    {
        FailureCause.PasswordChangedOrSecurityReset => nameof(EmailStrings.Cause_PasswordChangedOrSecurityReset),
        FailureCause.SessionInvalidated => nameof(EmailStrings.Cause_SessionInvalidated),
        FailureCause.Checkpoint => nameof(EmailStrings.Cause_Checkpoint),
        FailureCause.TokenExpired => nameof(EmailStrings.Cause_TokenExpired),
        FailureCause.UnconfirmedAccount => nameof(EmailStrings.Cause_UnconfirmedAccount),
        FailureCause.AppRemoved => nameof(EmailStrings.Cause_AppRemoved),
        FailureCause.PageNotGranted => nameof(EmailStrings.Cause_PageNotGranted),
        FailureCause.PermissionMissing => nameof(EmailStrings.Cause_PermissionMissing),
        FailureCause.PageRoleLost => nameof(EmailStrings.Cause_PageRoleLost),
        FailureCause.WebhookNotSubscribed => nameof(EmailStrings.Cause_WebhookNotSubscribed),
        FailureCause.NotMessengerReceiver => nameof(EmailStrings.Cause_NotMessengerReceiver),
        FailureCause.TokenInvalid => nameof(EmailStrings.Cause_TokenInvalid),
        FailureCause.AppNotLive => nameof(EmailStrings.Cause_AppNotLive),
        FailureCause.Transient => nameof(EmailStrings.Cause_Transient),
        FailureCause.RateLimited => nameof(EmailStrings.Cause_RateLimited),
        FailureCause.Configuration => nameof(EmailStrings.Cause_Configuration),
        FailureCause.Unknown => nameof(EmailStrings.Cause_Unknown),
        FailureCause.PageRestricted => nameof(EmailStrings.Cause_PageRestricted),
        FailureCause.OutsideMessagingWindow => nameof(EmailStrings.Cause_OutsideMessagingWindow),
        FailureCause.RecipientUnavailable => nameof(EmailStrings.Cause_RecipientUnavailable),
        FailureCause.RecipientNotFound => nameof(EmailStrings.Cause_RecipientNotFound),
        FailureCause.AttachmentRejected => nameof(EmailStrings.Cause_AttachmentRejected),
        FailureCause.MessageRejected => nameof(EmailStrings.Cause_MessageRejected),
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    }];

    /// <summary>What the admin does about one failed page, in order (design.md's table, the help page's steps).</summary>
    public IReadOnlyList<string> FixSteps(FailedPage page) => page.Status switch
    {
        ConnectionStatus.NeedsReauthorization when page.Cause == FailureCause.Checkpoint =>
            [this[nameof(EmailStrings.Fix_CheckpointFirst)], this[nameof(EmailStrings.Fix_Reauthorize)]],
        ConnectionStatus.NeedsReauthorization or ConnectionStatus.WebhookNotSubscribed => [this[nameof(EmailStrings.Fix_Reauthorize)]],
        ConnectionStatus.MissingPermission => [this[nameof(EmailStrings.Fix_EditSettings)]],
        ConnectionStatus.NotPageAdmin => [this[nameof(EmailStrings.Fix_PageAdmin)]],
        ConnectionStatus.NotMessengerReceiver =>
            [this[nameof(EmailStrings.Fix_ReceiverOldPage)], this[nameof(EmailStrings.Fix_ReceiverNewPage)]],
        ConnectionStatus.Disconnected => [this[nameof(EmailStrings.Fix_ConnectAgain)]],
        ConnectionStatus.Healthy => [],
        _ => throw new ArgumentOutOfRangeException(nameof(page), page.Status, null),
    };
}
