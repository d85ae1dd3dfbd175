namespace Omnichat.Core.Health;

/// <summary>Which connections one check run looks at.</summary>
public sealed record CheckScope(Guid? TeamId = null, IReadOnlyCollection<Guid>? ConnectionIds = null, string? FacebookUserId = null)
{
    public static readonly CheckScope All = new();

    public static CheckScope Team(Guid teamId) => new(TeamId: teamId);

    public static CheckScope Connection(Guid connectionId) => new(ConnectionIds: [connectionId]);

    /// <summary>These connections only (the ones just connected).</summary>
    public static CheckScope Connections(IReadOnlyCollection<Guid> connectionIds) => new(ConnectionIds: connectionIds);

    /// <summary>Every connection whose token came from this Facebook user (after the deauthorize callback).</summary>
    public static CheckScope FacebookUser(string facebookUserId) => new(FacebookUserId: facebookUserId);
}
