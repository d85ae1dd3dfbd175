using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Omnichat.Core.Integrations;

namespace Omnichat.Console.Components.Pages.Support.Parked;

/// <summary>
/// The kept-aside events list's order and page as URL query parameters, read and written in one place, as
/// <see cref="IntegrationQueryString"/> does for the integration list. Unknown values fall back to the default.
/// </summary>
public static class ParkedQueryString
{
    public const string ListPath = "/support/webhooks/parked";

    /// <summary>Events of one page shown at a time: enough to read a conversation's worth, small enough to render at once.</summary>
    public const int EventsPageSize = 50;

    public static string PagePath(string pageId) => $"{ListPath}/{Uri.EscapeDataString(pageId)}";

    public static ParkedPageQuery Parse(string? sort, string? ascending, string? page) => new(
        Sort: Enum.TryParse<ParkedPageSort>(sort, ignoreCase: true, out var parsed) ? parsed : ParkedPageSort.LastEvent,
        Descending: ascending is not ("1" or "true"),
        Page: ParsePage(page));

    /// <summary>The address counts pages from 1, as people do; this returns the zero-based page.</summary>
    public static int ParsePage(string? page) =>
        int.TryParse(page, CultureInfo.InvariantCulture, out var number) && number > 1 ? number - 1 : 0;

    public static string ToUrl(ParkedPageQuery query)
    {
        var values = new Dictionary<string, string?>();
        if (query.Sort != ParkedPageSort.LastEvent)
        {
            values["sort"] = query.Sort.ToString();
        }
        if (!query.Descending)
        {
            values["asc"] = "1";
        }
        AddPage(values, query.Page);
        return QueryHelpers.AddQueryString(ListPath, values);
    }

    public static string PageUrl(string pageId, int page)
    {
        var values = new Dictionary<string, string?>();
        AddPage(values, page);
        return QueryHelpers.AddQueryString(PagePath(pageId), values);
    }

    private static void AddPage(Dictionary<string, string?> values, int page)
    {
        if (page > 0)
        {
            values["page"] = (page + 1).ToString(CultureInfo.InvariantCulture);
        }
    }
}
