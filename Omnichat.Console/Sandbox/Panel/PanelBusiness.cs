namespace Omnichat.Console.Sandbox.Panel;

/// <param name="Installed">The business installed our app with the system-user configuration and has not removed it.</param>
public sealed record PanelBusiness(string Id, string Name, bool Installed);
