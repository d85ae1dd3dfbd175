namespace Omnichat.Console.Sandbox.World;

/// <summary>An event that ended every session (token) of a user issued before it.</summary>
public sealed class SessionEvent
{
    /// <summary>The user's session generation this event started; tokens of earlier generations die with its reason.</summary>
    public int Generation { get; set; }
    public TokenState Reason { get; set; }
    public DateTimeOffset At { get; set; }
}
