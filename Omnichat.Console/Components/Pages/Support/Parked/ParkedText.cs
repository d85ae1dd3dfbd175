using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Omnichat.Console.Resources;
using Omnichat.Core.Channels;
using Omnichat.Core.Messaging;

namespace Omnichat.Console.Components.Pages.Support.Parked;

/// <summary>
/// Words for kept-aside events. The reason shares its words with Core's <see cref="ConnectionWords"/>; every member of
/// <see cref="WebhookEventKind"/> is named here, so a new kind without words fails to compile.
/// </summary>
public static class ParkedText
{
    public static string Reason(ParkedReason reason) => ConnectionWords.For(CultureInfo.CurrentUICulture).Parked(reason);

    public static Color ReasonColor(ParkedReason reason) => reason == ParkedReason.Disconnected ? Color.Default : Color.Info;

    public static string Kind(IStringLocalizer<ParkedStrings> loc, WebhookEventKind kind) => loc[kind switch
    {
        WebhookEventKind.Message => nameof(ParkedStrings.Kind_Message),
        WebhookEventKind.Echo => nameof(ParkedStrings.Kind_Echo),
        WebhookEventKind.Postback => nameof(ParkedStrings.Kind_Postback),
        WebhookEventKind.Delivery => nameof(ParkedStrings.Kind_Delivery),
        WebhookEventKind.Read => nameof(ParkedStrings.Kind_Read),
        WebhookEventKind.Edit => nameof(ParkedStrings.Kind_Edit),
        WebhookEventKind.PassThreadControl or WebhookEventKind.TakeThreadControl or WebhookEventKind.RequestThreadControl
            => nameof(ParkedStrings.Kind_Handover),
        WebhookEventKind.AppRoles => nameof(ParkedStrings.Kind_AppRoles),
        WebhookEventKind.Unknown => nameof(ParkedStrings.Kind_Unknown),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    }];

    /// <summary>What the customer did stands out; receipts and routing changes stay quiet.</summary>
    public static Color KindColor(WebhookEventKind kind) => kind switch
    {
        WebhookEventKind.Message or WebhookEventKind.Postback => Color.Primary,
        WebhookEventKind.Echo => Color.Secondary,
        _ => Color.Default,
    };
}
