using Omnichat.Core.Background;

namespace Omnichat.Core.Messaging;

/// <summary>Wakes the <see cref="WebhookProcessor"/> when deliveries were stored.</summary>
public sealed class WebhookSignal(TimeProvider timeProvider) : WakeSignal(timeProvider);
