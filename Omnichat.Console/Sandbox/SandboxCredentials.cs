namespace Omnichat.Console.Sandbox;

/// <summary>
/// The sandbox's own Meta app. Published on purpose (a demo needs no secrets), so the console refuses to run against
/// Meta with this secret: anyone could sign webhooks with it.
/// </summary>
public static class SandboxCredentials
{
    public const string AppId = "1184000000000001";
    public const string AppSecret = "sandbox-app-secret-3f9a1c7e5b2d4a60";
}
