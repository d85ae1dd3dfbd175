namespace Omnichat.Console.Sandbox.Messenger;

/// <summary>{"restricted":true} for a page's messaging, {"live":false} for the app.</summary>
public sealed record FlagRequest(bool? Restricted, bool? Live);
