namespace Omnichat.Console.Sandbox.World;

/// <summary>A person who wrote to a page (a PSID): their name, when they last wrote, and whether they can be messaged.</summary>
public sealed class SandboxCustomer
{
    public string Psid { get; set; } = "";
    /// <summary>Null in worlds saved before customers had names: <see cref="CustomerNames"/> fills in the PSID's own.</summary>
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public DateTimeOffset? LastMessageAt { get; set; }
    public Reachability Reachability { get; set; }
}
