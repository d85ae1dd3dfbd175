namespace Omnichat.Console.Components.Shared;

/// <summary>What confirming does, which decides the confirm button's colour; said by the caller, never read from the button's text.</summary>
public enum ConfirmKind
{
    /// <summary>Stops or removes something (disconnect): the error colour, like the red action that opened the dialog.</summary>
    Destructive,
    /// <summary>Anything else: the primary colour.</summary>
    Neutral,
}
