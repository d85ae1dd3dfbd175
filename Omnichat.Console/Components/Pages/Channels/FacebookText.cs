using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Omnichat.Console.Resources;
using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;

namespace Omnichat.Console.Components.Pages.Channels;

/// <summary>
/// Words and colours for statuses, causes and failures: the same everywhere they are shown. Every member of each
/// enum is named here, so a new status or cause without words fails to compile rather than showing a key.
/// </summary>
public static class FacebookText
{
    // Statuses and causes share their words with the e-mails and support views: Core's ConnectionWords, in the
    // language of the signed-in user.
    public static string Status(ConnectionStatus status) =>
        ConnectionWords.For(CultureInfo.CurrentUICulture).Status(status);

    public static Color StatusColor(ConnectionStatus status) => status switch
    {
        ConnectionStatus.Healthy => Color.Success,
        ConnectionStatus.Disconnected => Color.Default,
        ConnectionStatus.MissingPermission or ConnectionStatus.NotPageAdmin or ConnectionStatus.NotMessengerReceiver => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>
    /// <see cref="StatusColor"/> as a CSS colour for charts, which draw SVG and cannot use theme classes. Statuses that
    /// share a colour get a lighter or darker shade of it, so a stacked chart still tells them apart.
    /// </summary>
    public static string StatusChartColor(ConnectionStatus status)
    {
        var palette = Layout.ConsoleTheme.Create().PaletteLight;
        MudBlazor.Utilities.MudColor color = status switch
        {
            ConnectionStatus.Healthy => palette.Success,
            ConnectionStatus.NeedsReauthorization => palette.Error,
            ConnectionStatus.WebhookNotSubscribed => palette.Error.ColorDarken(0.15),
            ConnectionStatus.MissingPermission => palette.Warning,
            ConnectionStatus.NotPageAdmin => palette.Warning.ColorDarken(0.15),
            ConnectionStatus.NotMessengerReceiver => palette.Warning.ColorLighten(0.15),
            ConnectionStatus.Disconnected => palette.GrayDefault,
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        return color.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex);
    }

    public static string Cause(FailureCause cause) =>
        ConnectionWords.For(CultureInfo.CurrentUICulture).Cause(cause);

    /// <summary>Whose authorizations ended and who can authorize again (<see cref="ConnectionWords.WhoCanFix"/>).</summary>
    public static string WhoCanFix(FailingConnection connection) =>
        ConnectionWords.For(CultureInfo.CurrentUICulture).WhoCanFix(connection.Cause, connection.PeopleList);

    /// <summary>The cause in a few words, for filters, chips and narrow cells.</summary>
    public static string CauseLabel(FailureCause cause) => ConnectionWords.For(CultureInfo.CurrentUICulture).CauseLabel(cause);

    public static string Availability(IStringLocalizer<FacebookStrings> loc, AuthorizedPageView page) => page.Availability switch
    {
        PageAvailability.Available => "",
        PageAvailability.ConnectedByThisTeam => loc[nameof(FacebookStrings.Avail_ConnectedByThisTeam)],
        PageAvailability.ConnectedByAnotherTeam => loc[nameof(FacebookStrings.Avail_ConnectedByAnotherTeam)],
        PageAvailability.NotPageAdmin => loc[nameof(FacebookStrings.Avail_NotPageAdmin)],
        PageAvailability.PageNotGranted => loc[nameof(FacebookStrings.Avail_PageNotGranted)],
        PageAvailability.PermissionMissing => loc[nameof(FacebookStrings.Avail_PermissionMissing), string.Join(", ", page.MissingScopes)],
        _ => throw new ArgumentOutOfRangeException(nameof(page), page.Availability, null),
    };

    public static string ConnectFailure(IStringLocalizer<FacebookStrings> loc, ConnectPageResult result) => result.Failure switch
    {
        null => "",
        Core.Channels.ConnectFailure.NotTeamAdmin => loc[nameof(FacebookStrings.ConnectFailure_NotTeamAdmin)],
        Core.Channels.ConnectFailure.NotInGrant => loc[nameof(FacebookStrings.ConnectFailure_NotInGrant)],
        Core.Channels.ConnectFailure.AlreadyConnected => loc[nameof(FacebookStrings.ConnectFailure_AlreadyConnected)],
        Core.Channels.ConnectFailure.ConnectedByAnotherTeam => loc[nameof(FacebookStrings.ConnectFailure_ConnectedByAnotherTeam)],
        Core.Channels.ConnectFailure.NotPageAdmin => loc[nameof(FacebookStrings.ConnectFailure_NotPageAdmin)],
        Core.Channels.ConnectFailure.PageNotGranted => loc[nameof(FacebookStrings.ConnectFailure_PageNotGranted)],
        Core.Channels.ConnectFailure.PermissionMissing => loc[nameof(FacebookStrings.ConnectFailure_PermissionMissing)],
        Core.Channels.ConnectFailure.SubscribeFailed => loc[nameof(FacebookStrings.ConnectFailure_SubscribeFailed), GraphError(loc, result.Error)],
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Failure, null),
    };

    /// <summary>A finished check in one toast: how many work, fail or could not be told, and what the check did about it.</summary>
    public static void ReportCheck(Shared.ActionFeedback feedback, IStringLocalizer<FacebookStrings> loc, CheckRunSummary summary)
    {
        var message = loc[nameof(FacebookStrings.CheckDone), summary.Passed + summary.Repaired, summary.Failed, summary.Inconclusive].Value;
        if (summary.Repaired > 0)
        {
            message += " · " + loc[nameof(FacebookStrings.CheckRepaired), summary.Repaired];
        }
        if (summary.FailedOver > 0)
        {
            message += " · " + loc[nameof(FacebookStrings.CheckFailedOver), summary.FailedOver];
        }
        if (summary.Failed > 0)
        {
            feedback.Warning(message);
        }
        else
        {
            feedback.Success(message);
        }
    }

    public static string Outcome(IStringLocalizer<FacebookStrings> loc, ConsentOutcome outcome) => outcome.Kind switch
    {
        ConsentOutcomeKind.Authorized => loc[nameof(FacebookStrings.Outcome_Authorized), outcome.AuthorizedPageCount, outcome.FacebookUserName ?? "",
            Shared.ConsentOutcomeText.NotConnectable(loc, outcome) + Shared.ConsentOutcomeText.Backups(loc, outcome) + Shared.ConsentOutcomeText.Repaired(loc, outcome)],
        ConsentOutcomeKind.Reauthorized => loc[nameof(FacebookStrings.Outcome_Reauthorized), outcome.PageName ?? "", Shared.ConsentOutcomeText.Repaired(loc, outcome)],
        ConsentOutcomeKind.Cancelled => loc[nameof(FacebookStrings.Outcome_Cancelled)],
        ConsentOutcomeKind.MissingState => loc[nameof(FacebookStrings.Outcome_MissingState)],
        ConsentOutcomeKind.InvalidState => loc[nameof(FacebookStrings.Outcome_InvalidState)],
        ConsentOutcomeKind.StateExpired => loc[nameof(FacebookStrings.Outcome_StateExpired)],
        ConsentOutcomeKind.StateReused => loc[nameof(FacebookStrings.Outcome_StateReused)],
        ConsentOutcomeKind.MissingCode => loc[nameof(FacebookStrings.Outcome_MissingCode)],
        ConsentOutcomeKind.CodeReused => loc[nameof(FacebookStrings.Outcome_CodeReused)],
        ConsentOutcomeKind.CodeExpired => loc[nameof(FacebookStrings.Outcome_CodeExpired)],
        ConsentOutcomeKind.NotTeamAdmin => loc[nameof(FacebookStrings.Outcome_NotTeamAdmin)],
        ConsentOutcomeKind.PageNotCovered => loc[nameof(FacebookStrings.Outcome_PageNotCovered), outcome.PageName ?? ""],
        ConsentOutcomeKind.GraphFailed => loc[nameof(FacebookStrings.Outcome_GraphFailed), GraphError(loc, outcome.Error)],
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome.Kind, null),
    };

    /// <summary>What Facebook said, in plain words where we know them, with the code and trace id support asks for; never a token.</summary>
    public static string GraphError(IStringLocalizer<FacebookStrings> loc, GraphError? error)
    {
        if (error is null)
        {
            return "";
        }
        var code = error.Subcode is int sub ? $"{error.Code}/{sub}" : error.Code.ToString(CultureInfo.InvariantCulture);
        var cause = GraphErrorClassifier.Classify(error).Cause;
        var explanation = cause is FailureCause.Unknown or FailureCause.None ? error.Message : Cause(cause);
        return $"{explanation} ({loc[nameof(FacebookStrings.GraphErrorDetails), code, error.FbTraceId ?? "-"]})";
    }
}
