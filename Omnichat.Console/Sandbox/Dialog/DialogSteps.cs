namespace Omnichat.Console.Sandbox.Dialog;

/// <summary>The steps of Facebook's consent dialog, in the order the help page shows them (steps 4-8).</summary>
public static class DialogSteps
{
    public const string ChooseUser = "choose-user";
    public const string ConfirmIdentity = "confirm-identity";
    public const string Continue = "continue";
    public const string Pages = "pages";
    public const string Businesses = "businesses";
    public const string Permissions = "permissions";
    public const string Done = "done";
    /// <summary>The system-user configuration's one step: which business installs the app, and which of its pages.</summary>
    public const string SystemUserAssets = "system-user-assets";
}
