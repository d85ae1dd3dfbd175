namespace Omnichat.Core.Channels;

/// <summary>A live connection that is not healthy, as the error banner shows it.</summary>
public sealed record FailingConnection(Guid Id, string PageId, string PageName, ConnectionStatus Status, FailureCause Cause, DateTimeOffset Since);
