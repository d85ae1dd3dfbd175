namespace Omnichat.Console.Sandbox.World;

/// <summary>A person who wrote to a page (a PSID): when they last wrote, and whether they can be messaged.</summary>
public sealed class SandboxCustomer
{
    public string Psid { get; set; } = "";
    public DateTimeOffset? LastMessageAt { get; set; }
    public Reachability Reachability { get; set; }
}
