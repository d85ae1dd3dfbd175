namespace Omnichat.Core.Channels;

/// <summary>A live connection that is not healthy, as the error banner shows it.</summary>
/// <param name="ConnectedByName">The team admin who connected the page: whom an agent asks to fix it.</param>
/// <param name="People">
/// The team members whose Facebook accounts had full control of the page when they last authorized, with whether
/// their authorization ended and why: whom to ask to authorize again.
/// </param>
public sealed record FailingConnection(Guid Id, string PageId, string PageName, ConnectionStatus Status, FailureCause Cause, DateTimeOffset Since,
    string ConnectedByName, IReadOnlyList<AuthorizationView>? People = null)
{
    public IReadOnlyList<AuthorizationView> PeopleList => People ?? [];
}
