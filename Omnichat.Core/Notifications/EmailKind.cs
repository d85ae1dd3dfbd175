namespace Omnichat.Core.Notifications;

public enum EmailKind
{
    /// <summary>The reminder that one or more connections stopped working.</summary>
    ConnectionFailure,
}
