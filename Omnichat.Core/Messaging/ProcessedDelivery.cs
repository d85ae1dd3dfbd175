namespace Omnichat.Core.Messaging;

/// <summary>What one delivery changed: which teams to tell, and which connections showed where the receiver is.</summary>
public sealed class ProcessedDelivery
{
    public HashSet<Guid> Teams { get; } = [];
    /// <summary>Per connection, whether its latest customer event came under standby (true) or messaging (false).</summary>
    public Dictionary<Guid, bool> ReceiverSignals { get; } = [];
    public int Parked { get; set; }
    public int Duplicates { get; set; }
    /// <summary>Conversations this delivery started: their customers' names are looked up afterwards, elsewhere.</summary>
    public int NewConversations { get; set; }
    /// <summary>Live connections this delivery brought any event for.</summary>
    public HashSet<Guid> Received { get; } = [];
    /// <summary>Per connection, the customer messages and postbacks it brought that were not stored yet.</summary>
    public Dictionary<Guid, int> CustomerMessages { get; } = [];
}
