namespace Omnichat.Console.Sandbox.World;

/// <summary>One attempt to post Meta's deauthorize callback to the console.</summary>
public sealed class DeauthorizeCallback
{
    public string UserId { get; set; } = "";
    public string Url { get; set; } = "";
    /// <summary>HTTP status the console answered; null when the request failed.</summary>
    public int? Status { get; set; }
    public string? Error { get; set; }
    public DateTimeOffset At { get; set; }
}
