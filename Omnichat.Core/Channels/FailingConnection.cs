namespace Omnichat.Core.Channels;

/// <summary>A live connection that is not healthy, as the error banner shows it.</summary>
/// <param name="ConnectedByName">The team admin who connected the page: whom an agent asks to fix it.</param>
public sealed record FailingConnection(Guid Id, string PageId, string PageName, ConnectionStatus Status, FailureCause Cause, DateTimeOffset Since,
    string ConnectedByName);
