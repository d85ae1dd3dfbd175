using Omnichat.Core.Facebook;

namespace Omnichat.Core.Channels;

public sealed record ConnectPageResult(string PageId, string PageName, ConnectFailure? Failure = null, GraphError? Error = null)
{
    public bool Succeeded => Failure is null;
}
