namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>Everything any step of the dialog posts; the pressed button says which action it was.</summary>
public sealed class ConsentForm
{
    public string? SessionId { get; set; }
    public string? Action { get; set; }
    public string? PagesMode { get; set; }
    public string[]? PageIds { get; set; }
    public string? BusinessesMode { get; set; }
    public string[]? BusinessIds { get; set; }
    /// <summary>The system-user configuration's business (one, a radio button).</summary>
    public string? BusinessId { get; set; }
    /// <summary>Permission switches left on in the overview; the ones switched off are declined.</summary>
    public string[]? Granted { get; set; }
}
