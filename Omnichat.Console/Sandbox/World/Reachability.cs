namespace Omnichat.Console.Sandbox.World;

/// <summary>How the Send API treats a person (§8.3).</summary>
public enum Reachability
{
    Available,
    /// <summary>Blocked the page: 551.</summary>
    Blocked,
    /// <summary>Deactivated or not available right now: 200/1545041.</summary>
    Unavailable,
    /// <summary>Can't receive messages right now: 10/2018108.</summary>
    CannotReceive,
}
