namespace Omnichat.Console.Components.Pages.Channels;

/// <summary>
/// What the search boxes over a team's pages match: the name anywhere in it, ignoring case (「台中」 finds 「台中店」,
/// "bulk" finds "Bulk page"), or the page id from its start, as people paste it from Facebook.
/// </summary>
public static class PageSearch
{
    /// <summary>A list longer than this gets a search box; a shop with three pages needs none.</summary>
    public const int BoxFrom = 10;

    public static bool Matches(string? query, string pageName, string pageId)
    {
        var text = query?.Trim();
        return string.IsNullOrEmpty(text)
            || pageName.Contains(text, StringComparison.CurrentCultureIgnoreCase)
            || pageId.StartsWith(text, StringComparison.Ordinal);
    }
}
