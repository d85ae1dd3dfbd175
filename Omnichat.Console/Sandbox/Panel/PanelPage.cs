namespace Omnichat.Console.Sandbox.Panel;

public sealed record PanelPage(
    string Id,
    string Name,
    string? BusinessName,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Roles,
    string ReceiverAppId,
    IReadOnlyList<string> SubscribedApps);
