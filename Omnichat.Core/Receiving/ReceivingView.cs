namespace Omnichat.Core.Receiving;

/// <summary>What a connected page shows about what it receives: the last event, the last customer message, and the notice.</summary>
/// <param name="Silence">Set when the page looks unusually quiet (<see cref="ReceivingRule"/>); null otherwise.</param>
public sealed record ReceivingView(DateTimeOffset? LastEventAt, DateTimeOffset? LastCustomerMessageAt, SilenceNotice? Silence);
