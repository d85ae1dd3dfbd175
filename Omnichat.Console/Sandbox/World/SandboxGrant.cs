namespace Omnichat.Console.Sandbox.World;

/// <summary>What a user chose for our app in the consent dialog the last time they finished it.</summary>
public sealed class SandboxGrant
{
    public string UserId { get; set; } = "";
    public List<string> Granted { get; set; } = [];
    public List<string> Declined { get; set; } = [];
    /// <summary>"All current and future pages": granular scopes then carry no target_ids.</summary>
    public bool AllPages { get; set; }
    public List<string> PageIds { get; set; } = [];
    public bool AllBusinesses { get; set; }
    public List<string> BusinessIds { get; set; } = [];
    public DateTimeOffset GrantedAt { get; set; }
}
