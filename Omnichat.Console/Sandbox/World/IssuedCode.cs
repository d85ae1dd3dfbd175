namespace Omnichat.Console.Sandbox.World;

/// <summary>An authorization code from the consent dialog; only its hash is kept.</summary>
public sealed class IssuedCode
{
    public string Hash { get; set; } = "";
    public string UserId { get; set; } = "";
    public string RedirectUri { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
