namespace Omnichat.Core.Messaging;

public enum MessageDirection
{
    /// <summary>From the customer.</summary>
    Inbound,
    /// <summary>From the page: our replies and echoes of replies sent elsewhere.</summary>
    Outbound,
    /// <summary>Something that happened to the thread (handover), shown as a note.</summary>
    System,
}
