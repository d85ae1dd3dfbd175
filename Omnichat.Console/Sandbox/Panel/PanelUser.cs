using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Panel;

public sealed record PanelUser(string Id, string Name, TokenState TokenState, bool HasGrant);
