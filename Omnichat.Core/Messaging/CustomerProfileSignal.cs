using Omnichat.Core.Background;

namespace Omnichat.Core.Messaging;

/// <summary>Wakes the <see cref="CustomerProfileWorker"/> when the webhook processor created a conversation.</summary>
public sealed class CustomerProfileSignal(TimeProvider timeProvider) : WakeSignal(timeProvider);
