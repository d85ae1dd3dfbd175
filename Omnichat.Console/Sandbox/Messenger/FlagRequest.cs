namespace Omnichat.Console.Sandbox.Messenger;

/// <summary>{"restricted":true} for a page's messaging, {"live":false} for the app, {"highVolume":true} for a page's Conversations API.</summary>
public sealed record FlagRequest(bool? Restricted, bool? Live, bool? HighVolume = null);
