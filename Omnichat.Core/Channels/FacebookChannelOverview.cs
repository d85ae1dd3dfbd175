namespace Omnichat.Core.Channels;

/// <summary>Everything the Facebook Messenger tab shows for one team.</summary>
public sealed record FacebookChannelOverview(
    IReadOnlyList<string> FacebookUserNames,
    IReadOnlyList<AuthorizedPageView> AuthorizedPages,
    IReadOnlyList<ConnectionView> Connections)
{
    public bool HasGrant => FacebookUserNames.Count > 0;
}
