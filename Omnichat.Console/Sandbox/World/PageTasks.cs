namespace Omnichat.Console.Sandbox.World;

/// <summary>Page task names in both families Meta returns (classic and New Pages Experience).</summary>
public static class PageTasks
{
    public static readonly IReadOnlyList<string> Admin = ["MANAGE", "CREATE_CONTENT", "MODERATE", "MESSAGING", "ADVERTISE", "ANALYZE"];
    public static readonly IReadOnlyList<string> Editor = ["CREATE_CONTENT", "MODERATE", "MESSAGING", "ADVERTISE", "ANALYZE"];

    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        "MANAGE", "CREATE_CONTENT", "MODERATE", "MESSAGING", "ADVERTISE", "ANALYZE",
        "PROFILE_PLUS_FULL_CONTROL", "PROFILE_PLUS_MANAGE", "PROFILE_PLUS_MESSAGING", "PROFILE_PLUS_MODERATE",
        "PROFILE_PLUS_CREATE_CONTENT", "PROFILE_PLUS_ADVERTISE", "PROFILE_PLUS_ANALYZE", "PROFILE_PLUS_FACEBOOK_ACCESS",
        "PROFILE_PLUS_REVENUE", "PROFILE_PLUS_MANAGE_LEADS", "PROFILE_PLUS_MODERATE_DELEGATE_COMMUNITY",
    };

    /// <summary>Full control is MANAGE in the classic names and PROFILE_PLUS_FULL_CONTROL in the new ones.</summary>
    public static bool HasFullControl(IEnumerable<string>? tasks) =>
        tasks is not null && tasks.Any(t => t is "MANAGE" or "PROFILE_PLUS_FULL_CONTROL");
}
