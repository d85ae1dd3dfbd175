using Microsoft.Extensions.Localization;
using MudBlazor;
using Omnichat.Console.Resources;
using Omnichat.Core.Channels;
using Omnichat.Core.Facebook;

namespace Omnichat.Console.Components.Pages.Channels;

/// <summary>Words and colours for statuses, causes and failures: the same everywhere they are shown.</summary>
public static class FacebookText
{
    public static string Status(IStringLocalizer<FacebookStrings> loc, ConnectionStatus status) => loc[$"Status_{status}"];

    public static Color StatusColor(ConnectionStatus status) => status switch
    {
        ConnectionStatus.Healthy => Color.Success,
        ConnectionStatus.Disconnected => Color.Default,
        ConnectionStatus.MissingPermission or ConnectionStatus.NotPageAdmin or ConnectionStatus.NotMessengerReceiver => Color.Warning,
        _ => Color.Error,
    };

    public static string Cause(IStringLocalizer<FacebookStrings> loc, FailureCause cause) => loc[$"Cause_{cause}"];

    public static string Availability(IStringLocalizer<FacebookStrings> loc, AuthorizedPageView page) => page.Availability switch
    {
        PageAvailability.PermissionMissing => loc[nameof(FacebookStrings.Avail_PermissionMissing), string.Join(", ", page.MissingScopes)],
        PageAvailability.Available => "",
        _ => loc[$"Avail_{page.Availability}"],
    };

    public static string ConnectFailure(IStringLocalizer<FacebookStrings> loc, ConnectPageResult result) => result.Failure switch
    {
        null => "",
        Core.Channels.ConnectFailure.SubscribeFailed => loc[nameof(FacebookStrings.ConnectFailure_SubscribeFailed), GraphError(loc, result.Error)],
        _ => loc[$"ConnectFailure_{result.Failure}"],
    };

    /// <summary>What Facebook said, with the code and trace id support asks for; never a token.</summary>
    public static string GraphError(IStringLocalizer<FacebookStrings> loc, GraphError? error)
    {
        if (error is null)
        {
            return "";
        }
        var code = error.Subcode is int sub ? $"{error.Code}/{sub}" : error.Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var cause = GraphErrorClassifier.Classify(error).Cause;
        var explanation = cause is FailureCause.Unknown or FailureCause.None ? error.Message : Cause(loc, cause);
        return $"{explanation} ({loc[nameof(FacebookStrings.GraphErrorDetails), code, error.FbTraceId ?? "-"]})";
    }
}
