namespace Omnichat.Core.Channels;

/// <summary>One person's authorization of a connected page, as the tab lists it: "Dana Chen（使用中）· Kevin Wu（備援）".</summary>
/// <param name="InUse">The token the page runs on now.</param>
/// <param name="InvalidSince">Since when this person's token is known not to work; null while it works.</param>
public sealed record AuthorizationView(string PersonName, bool InUse, DateTimeOffset? InvalidSince, FailureCause InvalidCause)
{
    public bool Works => InvalidSince is null;
}
