using Omnichat.Core.Channels;

namespace Omnichat.Core.Telemetry;

/// <summary>How many connections are in one status for one cause.</summary>
public sealed record ConnectionCount(ConnectionStatus Status, FailureCause Cause, int Count);
