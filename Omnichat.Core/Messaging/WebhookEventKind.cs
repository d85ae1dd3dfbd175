namespace Omnichat.Core.Messaging;

public enum WebhookEventKind
{
    Message,
    Echo,
    Postback,
    Delivery,
    Read,
    Edit,
    PassThreadControl,
    TakeThreadControl,
    RequestThreadControl,
    AppRoles,
    Unknown,
}
