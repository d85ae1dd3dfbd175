namespace Omnichat.Core.Facebook;

/// <summary>
/// Reads a page's <c>tasks</c>. Meta sends the classic names (MANAGE, MESSAGING...) or the Business Manager ones
/// (PROFILE_PLUS_...), in no stable order, so both families are accepted and compared as sets.
/// </summary>
public static class PageTasks
{
    public const string Manage = "MANAGE";
    public const string ProfilePlusFullControl = "PROFILE_PLUS_FULL_CONTROL";
    public const string Messaging = "MESSAGING";
    public const string ProfilePlusMessaging = "PROFILE_PLUS_MESSAGING";
    public const string Moderate = "MODERATE";
    public const string ProfilePlusModerate = "PROFILE_PLUS_MODERATE";

    /// <summary>Admin / full control: what design.md's NotPageAdmin status checks for.</summary>
    public static bool HasFullControl(IEnumerable<string> tasks)
    {
        var set = ToSet(tasks);
        return set.Contains(Manage) || set.Contains(ProfilePlusFullControl);
    }

    /// <summary>
    /// Enough to run an inbox: sending needs MESSAGING and subscribing to webhooks needs MODERATE
    /// (Messenger Platform overview); full control implies both.
    /// </summary>
    public static bool CanMessage(IEnumerable<string> tasks)
    {
        var set = ToSet(tasks);
        if (set.Contains(Manage) || set.Contains(ProfilePlusFullControl))
        {
            return true;
        }
        var messaging = set.Contains(Messaging) || set.Contains(ProfilePlusMessaging);
        var moderate = set.Contains(Moderate) || set.Contains(ProfilePlusModerate);
        return messaging && moderate;
    }

    private static HashSet<string> ToSet(IEnumerable<string> tasks)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        return new HashSet<string>(tasks, StringComparer.OrdinalIgnoreCase);
    }
}
