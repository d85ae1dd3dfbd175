namespace Omnichat.Core.Channels;

public enum DisconnectOutcome
{
    Disconnected,
    /// <summary>Disconnected here, but Facebook refused to remove our app because the page token is already dead; it receives nothing anyway.</summary>
    DisconnectedTokenAlreadyInvalid,
    NotFound,
    NotTeamAdmin,
    /// <summary>Facebook did not answer; nothing changed, so the page is not left half-connected.</summary>
    FacebookUnavailable,
}
