using Omnichat.Core.Channels;

namespace Omnichat.Core.Notifications;

/// <param name="FailingSince">
/// When the page's failure episode began (<see cref="Health.FailureEpisode.StartedAt"/>, set where episodes start:
/// <see cref="ConnectionStatusChange"/>); null in payloads queued before the e-mail showed it.
/// </param>
/// <param name="People">Who fully controls the page and whether their authorization ended (<see cref="ConnectionWords.WhoCanFix"/>); null in older payloads.</param>
public sealed record FailedPage(Guid ConnectionId, string PageId, string PageName, ConnectionStatus Status, FailureCause Cause,
    DateTimeOffset? FailingSince = null, IReadOnlyList<AuthorizationView>? People = null)
{
    public IReadOnlyList<AuthorizationView> PeopleList => People ?? [];
}
