namespace Omnichat.Core.Backfill;

public enum BackfillRequestKind
{
    Queued,
    /// <summary>Only support staff and the team's admin ask for one.</summary>
    NotAllowed,
    NotFound,
    /// <summary>A disconnected page has no token to read with.</summary>
    NotConnected,
    /// <summary>The end is not after the start, or lies in the future, or the whole window is before the page was connected.</summary>
    BadWindow,
}
