namespace Omnichat.Console.Sandbox.World;

/// <summary>The last thing that happened to a Facebook user's sessions, as the control API names it.</summary>
public enum TokenState
{
    Valid,
    PasswordChanged,
    TwoFactor,
    Checkpoint,
    AppRemoved,
}
