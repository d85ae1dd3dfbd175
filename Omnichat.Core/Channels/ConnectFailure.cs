namespace Omnichat.Core.Channels;

/// <summary>Why one page of a connect request was not connected.</summary>
public enum ConnectFailure
{
    NotTeamAdmin,
    /// <summary>The page id is not among the pages the team's consents cover.</summary>
    NotInGrant,
    AlreadyConnected,
    ConnectedByAnotherTeam,
    NotPageAdmin,
    PageNotGranted,
    PermissionMissing,
    /// <summary>Facebook refused the webhook subscription; see the Graph error.</summary>
    SubscribeFailed,
}
