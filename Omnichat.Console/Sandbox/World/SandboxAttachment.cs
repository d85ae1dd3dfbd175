namespace Omnichat.Console.Sandbox.World;

/// <summary>An attachment of a stored message: the webhook's type and URL.</summary>
public sealed class SandboxAttachment
{
    public string Type { get; set; } = "file";
    public string? Url { get; set; }
}
