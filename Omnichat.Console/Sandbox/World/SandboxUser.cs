namespace Omnichat.Console.Sandbox.World;

/// <summary>A Facebook person; <see cref="Id"/> is the app-scoped user id.</summary>
public sealed class SandboxUser
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public TokenState TokenState { get; set; } = TokenState.Valid;
    public int SessionGeneration { get; set; }
    public List<SessionEvent> SessionEvents { get; set; } = [];
}
