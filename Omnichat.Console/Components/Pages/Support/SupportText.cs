using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Omnichat.Console.Resources;
using Omnichat.Core.Channels;
using Omnichat.Core.Health;
using Omnichat.Core.Integrations;
using Omnichat.Core.Notifications;

namespace Omnichat.Console.Components.Pages.Support;

/// <summary>
/// Words for what only the integration status pages show (e-mail states, history entries, plans). Statuses and causes
/// keep their words in <see cref="Channels.FacebookText"/> and Core's <see cref="ConnectionWords"/>. Every enum member
/// is named, so a new one fails to compile.
/// </summary>
public static class SupportText
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The list filter that shows exactly this status.</summary>
    public static StatusFilter FilterFor(Core.Channels.ConnectionStatus status) => Enum.Parse<StatusFilter>(status.ToString());

    public static string EmailState(IStringLocalizer<SupportStrings> loc, EmailState state) => loc[state switch
    {
        Core.Notifications.EmailState.Pending => nameof(SupportStrings.EmailPending),
        Core.Notifications.EmailState.Sent => nameof(SupportStrings.EmailSent),
        Core.Notifications.EmailState.Suppressed => nameof(SupportStrings.EmailSuppressed),
        Core.Notifications.EmailState.Failed => nameof(SupportStrings.EmailFailed),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    }];

    public static Color EmailColor(EmailState state) => state switch
    {
        Core.Notifications.EmailState.Sent => Color.Success,
        Core.Notifications.EmailState.Failed => Color.Error,
        Core.Notifications.EmailState.Suppressed => Color.Warning,
        _ => Color.Default,
    };

    public static string Plan(IStringLocalizer<SupportStrings> loc, DateOnly? endsOn, bool ended) => endsOn switch
    {
        null => loc[nameof(SupportStrings.PlanNoEnd)],
        { } day when ended => loc[nameof(SupportStrings.PlanEndedOn), Day(day)],
        { } day => loc[nameof(SupportStrings.PlanEndsOn), Day(day)],
    };

    public static string PlanFilter(IStringLocalizer<SupportStrings> loc, PlanState plan) => loc[plan switch
    {
        PlanState.Running => nameof(SupportStrings.PlanRunning),
        PlanState.Ended => nameof(SupportStrings.PlanEnded),
        _ => throw new ArgumentOutOfRangeException(nameof(plan), plan, null),
    }];

    public static string Kind(IStringLocalizer<SupportStrings> loc, TimelineKind kind) => loc[kind switch
    {
        TimelineKind.Check => nameof(SupportStrings.Kind_Check),
        TimelineKind.StatusChanged => nameof(SupportStrings.Kind_StatusChanged),
        TimelineKind.EpisodeStarted => nameof(SupportStrings.Kind_EpisodeStarted),
        TimelineKind.EpisodeEnded => nameof(SupportStrings.Kind_EpisodeEnded),
        TimelineKind.Email => nameof(SupportStrings.Kind_Email),
        TimelineKind.Repaired => nameof(SupportStrings.Kind_Repaired),
        TimelineKind.Connected => nameof(SupportStrings.Kind_Connected),
        TimelineKind.Disconnected => nameof(SupportStrings.Kind_Disconnected),
        TimelineKind.Reauthorized => nameof(SupportStrings.Kind_Reauthorized),
        TimelineKind.SubscribeFailed => nameof(SupportStrings.Kind_SubscribeFailed),
        TimelineKind.UnsubscribeFailed => nameof(SupportStrings.Kind_UnsubscribeFailed),
        TimelineKind.Gap => nameof(SupportStrings.Kind_Gap),
        TimelineKind.FailedOver => nameof(SupportStrings.Kind_FailedOver),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    }];

    public static string Icon(TimelineKind kind) => kind switch
    {
        TimelineKind.Check => Icons.Material.Filled.FactCheck,
        TimelineKind.StatusChanged => Icons.Material.Filled.SwapHoriz,
        TimelineKind.EpisodeStarted => Icons.Material.Filled.ErrorOutline,
        TimelineKind.EpisodeEnded => Icons.Material.Filled.CheckCircleOutline,
        TimelineKind.Email => Icons.Material.Filled.Email,
        TimelineKind.Repaired => Icons.Material.Filled.Build,
        TimelineKind.Connected => Icons.Material.Filled.Link,
        TimelineKind.Disconnected => Icons.Material.Filled.LinkOff,
        TimelineKind.Reauthorized => Icons.Material.Filled.VpnKey,
        TimelineKind.SubscribeFailed or TimelineKind.UnsubscribeFailed => Icons.Material.Filled.WarningAmber,
        TimelineKind.Gap => Icons.Material.Filled.History,
        TimelineKind.FailedOver => Icons.Material.Filled.SwitchAccount,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Outcome(IStringLocalizer<SupportStrings> loc, CheckOutcome outcome) => loc[outcome switch
    {
        CheckOutcome.Passed => nameof(SupportStrings.Outcome_Passed),
        CheckOutcome.Failed => nameof(SupportStrings.Outcome_Failed),
        CheckOutcome.Inconclusive => nameof(SupportStrings.Outcome_Inconclusive),
        CheckOutcome.Repaired => nameof(SupportStrings.Outcome_Repaired),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    }];

    public static Color OutcomeColor(CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.Passed or CheckOutcome.Repaired => Color.Success,
        CheckOutcome.Failed => Color.Error,
        _ => Color.Default,
    };
}
