namespace Omnichat.Core.Messaging;

/// <summary>Where an outbound message was written.</summary>
public enum EchoSource
{
    /// <summary>Inbound, system, or our reply before its echo came.</summary>
    None,
    /// <summary>Our own reply (recognised by the metadata we set).</summary>
    ThisConsole,
    /// <summary>Typed in Facebook's own Page Inbox / Meta Business Suite (app id 263902037430900).</summary>
    FacebookInbox,
    /// <summary>Sent by another app connected to the page.</summary>
    OtherApp,
}
