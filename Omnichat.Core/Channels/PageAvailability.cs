namespace Omnichat.Core.Channels;

/// <summary>Whether an authorized page can be ticked and connected, and if not, why.</summary>
public enum PageAvailability
{
    Available,
    ConnectedByThisTeam,
    ConnectedByAnotherTeam,
    /// <summary>The authorizing Facebook user is not an admin (full control) of the page: the seed's FAQ 2.</summary>
    NotPageAdmin,
    /// <summary>The page was not ticked in the latest consent.</summary>
    PageNotGranted,
    /// <summary>A required permission was declined or not granted for this page.</summary>
    PermissionMissing,
}
