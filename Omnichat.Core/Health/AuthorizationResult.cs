using Omnichat.Core.Channels;

namespace Omnichat.Core.Health;

/// <summary>What a check found about one person's token for the page: it works, or it ended for a reason tied to that person.</summary>
public sealed record AuthorizationResult(Guid AuthorizedPageId, FailureCause Cause)
{
    public bool Works => Cause == FailureCause.None;
}
