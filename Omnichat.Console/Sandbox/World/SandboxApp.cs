namespace Omnichat.Console.Sandbox.World;

/// <summary>An app other than ours that a page can pick as its receiver.</summary>
public sealed class SandboxApp
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
}
