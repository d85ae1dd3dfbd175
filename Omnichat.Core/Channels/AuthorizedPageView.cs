namespace Omnichat.Core.Channels;

public sealed record AuthorizedPageView(
    string PageId,
    string Name,
    string? PictureUrl,
    string FacebookUserName,
    PageAvailability Availability,
    IReadOnlyList<string> MissingScopes)
{
    public bool CanConnect => Availability == PageAvailability.Available;
}
