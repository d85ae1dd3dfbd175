namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>Where a finished dialog goes, or why it could not finish.</summary>
public sealed record ConsentOutcome(string? RedirectUrl, string? Error, int Status)
{
    public static ConsentOutcome Redirect(string url) => new(url, null, StatusCodes.Status200OK);
    public static ConsentOutcome Failed(string error, int status) => new(null, error, status);
}
