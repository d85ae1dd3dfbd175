namespace Omnichat.Core.Facebook;

/// <summary>An app installed on a page (<c>GET /{page}/subscribed_apps</c> lists only the calling app).</summary>
public sealed record SubscribedApp(string Id, string? Name, IReadOnlyList<string> SubscribedFields);
