namespace Omnichat.Core.Channels;

/// <summary>One person's authorization of a connected page, as the tab lists it: "Dana Chen（使用中）· Kevin Wu（備援）".</summary>
/// <param name="InUse">The token the page runs on now.</param>
/// <param name="InvalidSince">Since when this person's token is known not to work; null while it works.</param>
/// <param name="IsSystemUser">A business's system user, not a person: listed as 企業系統使用者授權, not by its name.</param>
public sealed record AuthorizationView(string PersonName, bool InUse, DateTimeOffset? InvalidSince, FailureCause InvalidCause,
    bool IsSystemUser = false)
{
    public bool Works => InvalidSince is null;
}
