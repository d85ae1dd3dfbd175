namespace Omnichat.Console.Sandbox.World;

/// <summary>
/// A Facebook person; <see cref="Id"/> is the app-scoped user id. Or a business's system user, made when the business
/// installed our app through a system-user configuration (<see cref="SystemUserOfBusinessId"/> set): no person's
/// password, session or checkpoint is its, and only the business removing our app ends its tokens.
/// </summary>
public sealed class SandboxUser
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The business whose system user this is; null for a person.</summary>
    public string? SystemUserOfBusinessId { get; set; }
    public bool IsSystemUser => SystemUserOfBusinessId is not null;
    public TokenState TokenState { get; set; } = TokenState.Valid;
    public int SessionGeneration { get; set; }
    public List<SessionEvent> SessionEvents { get; set; } = [];
}
