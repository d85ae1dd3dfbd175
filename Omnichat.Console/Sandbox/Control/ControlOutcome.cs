namespace Omnichat.Console.Sandbox.Control;

/// <summary>The result of a control action: the API turns it into a status, the panel into a snackbar.</summary>
public sealed record ControlOutcome(bool Succeeded, int Status, string Message)
{
    public static ControlOutcome Ok(string message) => new(true, StatusCodes.Status200OK, message);
    public static ControlOutcome NotFound(string message) => new(false, StatusCodes.Status404NotFound, message);
    public static ControlOutcome BadRequest(string message) => new(false, StatusCodes.Status400BadRequest, message);
}
