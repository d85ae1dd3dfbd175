namespace Omnichat.Core.Facebook;

/// <summary>What kind of reaction a Graph error calls for (the legend of §8.4 in the wire notes).</summary>
public enum GraphErrorClass
{
    /// <summary>REAUTH: the connection is broken; an admin must log in again.</summary>
    Reauthorize,
    /// <summary>PAGE-FIX: a page setting, role or permission problem a human must fix; a new login alone may not help.</summary>
    PageFix,
    /// <summary>MSG: only this message failed; the connection is fine.</summary>
    MessageOnly,
    /// <summary>RETRY: transient or rate limited; back off and try again, decide nothing.</summary>
    Retry,
    /// <summary>CONFIG: our bug or the Meta app's configuration; engineering must look.</summary>
    Configuration,
}
