using Omnichat.Core.Channels;

namespace Omnichat.Core.Facebook;

/// <summary>
/// What a Graph error means for us. <see cref="Status"/> is the connection status the error proves, or null when
/// it says nothing about the connection (retry, one message, our configuration, a page restriction).
/// </summary>
public sealed record GraphErrorDiagnosis(GraphErrorClass Class, FailureCause Cause, ConnectionStatus? Status);
