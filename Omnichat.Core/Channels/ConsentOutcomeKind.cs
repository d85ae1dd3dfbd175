namespace Omnichat.Core.Channels;

/// <summary>How a return from the consent dialog ended; each has its own message on the callback page.</summary>
public enum ConsentOutcomeKind
{
    Authorized,
    Reauthorized,
    Cancelled,
    MissingState,
    InvalidState,
    StateExpired,
    StateReused,
    MissingCode,
    CodeReused,
    CodeExpired,
    NotTeamAdmin,
    /// <summary>Reauthorize asked for one page, but the new consent does not cover it; nothing was changed.</summary>
    PageNotCovered,
    GraphFailed,
}
