namespace Omnichat.Core.Messaging;

public enum ParkedReason
{
    UnknownPage,
    Disconnected,
}
