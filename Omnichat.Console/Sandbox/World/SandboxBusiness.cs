namespace Omnichat.Console.Sandbox.World;

/// <summary>A business portfolio; its members reach its pages only with business_management.</summary>
public sealed class SandboxBusiness
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> MemberIds { get; set; } = [];
    /// <summary>The system user Meta made for our app when the business first installed it with a system-user configuration.</summary>
    public string? SystemUserId { get; set; }
}
