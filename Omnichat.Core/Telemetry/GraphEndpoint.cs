namespace Omnichat.Core.Telemetry;

/// <summary>
/// A Graph request path as a label: the fixed words kept, every id (page, PSID, user) replaced by <c>{id}</c>, so
/// <c>1045.../subscribed_apps</c> and <c>1046.../subscribed_apps</c> are one series and no customer's PSID is published.
/// </summary>
internal static class GraphEndpoint
{
    // Every literal segment the Graph client calls; anything else in a path is an id.
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "me", "accounts", "permissions", "debug_token", "oauth", "access_token", "subscribed_apps", "messages", "conversations",
    };

    public static string Template(string path)
    {
        var bare = path.Split('?', 2)[0].Trim('/');
        if (bare.Length == 0)
        {
            return "batch";
        }
        return string.Join('/', bare.Split('/').Select(segment => Words.Contains(segment) ? segment : "{id}"));
    }
}
