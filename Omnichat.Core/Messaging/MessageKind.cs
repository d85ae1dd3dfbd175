namespace Omnichat.Core.Messaging;

public enum MessageKind
{
    Text,
    Attachments,
    Postback,
    Handover,
}
