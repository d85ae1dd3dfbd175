using Omnichat.Core.Background;

namespace Omnichat.Core.Notifications;

/// <summary>Wakes the <see cref="OutboxDispatcher"/>; the health checker notifies after committing an outbox row.</summary>
public sealed class OutboxSignal(TimeProvider timeProvider) : WakeSignal(timeProvider);
