namespace Omnichat.Core.Messaging;

public enum ReplyOutcomeKind
{
    Sent,
    Failed,
    /// <summary>The window is closed (see the outcome's window); nothing was stored or sent.</summary>
    WindowClosed,
    /// <summary>No such conversation or message for this team, or the caller may not reply.</summary>
    NotFound,
    /// <summary>The page is no longer connected.</summary>
    NotConnected,
    /// <summary>Empty text or longer than Messenger's 2,000 characters.</summary>
    InvalidText,
}
