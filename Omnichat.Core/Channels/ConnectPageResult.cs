using Omnichat.Core.Facebook;

namespace Omnichat.Core.Channels;

/// <summary>One page's outcome of connecting; <see cref="ConnectionId"/> is the connection it made or reused.</summary>
public sealed record ConnectPageResult(string PageId, string PageName, ConnectFailure? Failure = null, GraphError? Error = null,
    Guid? ConnectionId = null)
{
    public bool Succeeded => Failure is null;
}
