namespace Omnichat.Core.Channels;

/// <summary>Everything the Facebook Messenger tab shows for one team.</summary>
/// <param name="OffersSystemUser">A system-user configuration is set: admins may authorize as their business's system user.</param>
public sealed record FacebookChannelOverview(
    IReadOnlyList<string> FacebookUserNames,
    IReadOnlyList<AuthorizedPageView> AuthorizedPages,
    IReadOnlyList<ConnectionView> Connections,
    bool OffersSystemUser = false)
{
    public bool HasGrant => FacebookUserNames.Count > 0;
}
