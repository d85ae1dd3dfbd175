namespace Omnichat.Core.Teams;

public enum TeamSettingsOutcome
{
    Saved,
    /// <summary>The caller may not make this change (checked on the server, whatever the page showed).</summary>
    NotAllowed,
    NotFound,
    /// <summary>Some addresses are not e-mail addresses; nothing was saved.</summary>
    InvalidAddresses,
    UnsupportedCulture,
    UnsupportedTimeZone,
}
