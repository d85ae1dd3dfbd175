using Omnichat.Core.Messaging;

namespace Omnichat.Core.Integrations;

/// <summary>One page id's kept-aside events, summed up.</summary>
/// <param name="Reason">
/// Disconnected when any of its events came after a team had connected the page, else never connected: once a page was
/// connected, a later event can only be kept aside because it was disconnected again.
/// </param>
/// <param name="Connections">Every team's connection of the page, the newest first; empty when no team ever connected it.</param>
/// <param name="AuthorizedName">
/// The name a team's Facebook authorization last saw for the page, for a page that was authorized but never connected.
/// </param>
public sealed record ParkedPageRow(
    string PageId,
    ParkedReason Reason,
    int EventCount,
    int MessagingCount,
    int StandbyCount,
    DateTimeOffset FirstEventAt,
    DateTimeOffset LastEventAt,
    IReadOnlyList<ParkedPageConnection> Connections,
    string? AuthorizedName = null)
{
    /// <summary>
    /// The name the page had when a team last connected it, else the name an authorization saw; null for a page the
    /// console knows nothing of but its id.
    /// </summary>
    public string? PageName => Connections.Count > 0 ? Connections[0].PageName : AuthorizedName;

    /// <summary>No team ever connected the page: nothing is "connected again", it would be connected for the first time.</summary>
    public bool NeverConnected => Connections.Count == 0;
}
