namespace Omnichat.Console.Components.Layout;

/// <summary>Names of what the layout cascades about the viewer's time zone.</summary>
public static class ViewerTimeZone
{
    /// <summary>An <c>Action&lt;string&gt;</c> that switches the open page to another zone after the team changed it.</summary>
    public const string Apply = "ApplyTimeZone";
}
