using System.Globalization;
using Omnichat.Core.Channels;
using Omnichat.Core.Resources;

namespace Omnichat.Core.Notifications;

/// <summary>
/// E-mail strings in one team's language. The culture is explicit rather than ambient (CultureInfo.CurrentUICulture),
/// because e-mails are written in a background service for a team, not for whoever is signed in. Statuses and causes
/// come from <see cref="ConnectionWords"/>, as in the console.
/// </summary>
public sealed class EmailWords(CultureInfo culture)
{
    public CultureInfo Culture { get; } = culture;

    public static EmailWords For(string? teamCulture) =>
        new(CultureInfo.GetCultureInfo(Teams.TeamCultures.Normalize(teamCulture)));

    public string this[string key] =>
        EmailStrings.ResourceManager.GetString(key, Culture) ?? throw new KeyNotFoundException($"No e-mail string '{key}'.");

    public string Format(string key, params object[] arguments) => string.Format(Culture, this[key], arguments);

    public string Status(ConnectionStatus status) => ConnectionWords.For(Culture).Status(status);

    public string Cause(FailureCause cause) => ConnectionWords.For(Culture).Cause(cause);

    public string WhoCanFix(FailedPage page) => ConnectionWords.For(Culture).WhoCanFix(page.Cause, page.PeopleList);

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
