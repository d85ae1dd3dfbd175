namespace Omnichat.Core.Teams;

/// <summary>
/// Who is asking, as Core services need to know it: the signed-in user, their team (none for support staff) and the
/// roles that change what they may do. Pages build it from the sign-in claims and pass it to every Core call.
/// </summary>
public sealed record Caller(string UserId, string DisplayName, Guid? TeamId, bool IsTeamAdmin, bool IsSupport)
{
    /// <summary>Only a team's admin connects, disconnects and reauthorizes; support staff only read.</summary>
    public bool CanChangeConnections => IsTeamAdmin && TeamId is not null;
}
