using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Omnichat.Console.Resources;
using Omnichat.Core.Messaging;

using Omnichat.Core.Teams;

namespace Omnichat.Console.Components.Pages.Inbox;

/// <summary>Words and colours for delivery states, reply failures and windows; every enum member is named, so a new one fails to compile.</summary>
public static class InboxText
{

    public static string State(IStringLocalizer<InboxStrings> loc, DeliveryState state) => loc[state switch
    {
        DeliveryState.Pending => nameof(InboxStrings.State_Pending),
        DeliveryState.Sent => nameof(InboxStrings.State_Sent),
        DeliveryState.Delivered => nameof(InboxStrings.State_Delivered),
        DeliveryState.Read => nameof(InboxStrings.State_Read),
        DeliveryState.Failed => nameof(InboxStrings.State_Failed),
        DeliveryState.Received => throw new ArgumentOutOfRangeException(nameof(state), state, "Inbound messages show no delivery state"),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    }];

    public static Color StateColor(DeliveryState state) => state switch
    {
        DeliveryState.Failed => Color.Error,
        DeliveryState.Read or DeliveryState.Delivered => Color.Success,
        DeliveryState.Pending => Color.Default,
        _ => Color.Info,
    };

    public static string Failure(IStringLocalizer<InboxStrings> loc, ReplyFailure failure) => loc[failure switch
    {
        ReplyFailure.OutsideWindow => nameof(InboxStrings.Failure_OutsideWindow),
        ReplyFailure.RecipientUnavailable => nameof(InboxStrings.Failure_RecipientUnavailable),
        ReplyFailure.PageRestricted => nameof(InboxStrings.Failure_PageRestricted),
        ReplyFailure.AnotherAppControls => nameof(InboxStrings.Failure_AnotherAppControls),
        ReplyFailure.IntegrationBroken => nameof(InboxStrings.Failure_IntegrationBroken),
        ReplyFailure.Transient => nameof(InboxStrings.Failure_Transient),
        ReplyFailure.Other => nameof(InboxStrings.Failure_Other),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, null),
    }];

    public static string Window(IStringLocalizer<InboxStrings> loc, LocalTimeFormat time, MessagingWindow window) => window.State switch
    {
        WindowState.Open => loc[nameof(InboxStrings.Window_Open), time.DateAndTime(window.ClosesAt!.Value)],
        WindowState.HumanAgent => loc[nameof(InboxStrings.Window_HumanAgent), time.DateAndTime(window.ClosesAt!.Value)],
        WindowState.HumanAgentDisabled => loc[nameof(InboxStrings.Window_HumanAgentDisabled)],
        WindowState.Closed => loc[nameof(InboxStrings.Window_Closed)],
        WindowState.NoCustomerMessage => loc[nameof(InboxStrings.Window_NoCustomerMessage)],
        _ => throw new ArgumentOutOfRangeException(nameof(window), window.State, null),
    };

    public static string Handover(IStringLocalizer<InboxStrings> loc, MessageView message) => message.Text switch
    {
        nameof(WebhookEventKind.PassThreadControl) => loc[nameof(InboxStrings.Handover_PassThreadControl), message.Payload ?? "-"],
        nameof(WebhookEventKind.TakeThreadControl) => loc[nameof(InboxStrings.Handover_TakeThreadControl), message.Payload ?? "-"],
        _ => loc[nameof(InboxStrings.Handover_RequestThreadControl), message.Payload ?? "-"],
    };

    public static string Attachment(IStringLocalizer<InboxStrings> loc, string type)
    {
        var kind = type switch
        {
            "image" => loc[nameof(InboxStrings.Attachment_image)].Value,
            "audio" => loc[nameof(InboxStrings.Attachment_audio)].Value,
            "video" => loc[nameof(InboxStrings.Attachment_video)].Value,
            "file" => loc[nameof(InboxStrings.Attachment_file)].Value,
            "sticker" => loc[nameof(InboxStrings.Attachment_sticker)].Value,
            _ => loc[nameof(InboxStrings.Attachment_other), type].Value,
        };
        return loc[nameof(InboxStrings.Attachment_Open), kind];
    }
}
