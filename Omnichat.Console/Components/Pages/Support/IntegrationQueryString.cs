using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Omnichat.Core.Channels;
using Omnichat.Core.Integrations;

namespace Omnichat.Console.Components.Pages.Support;

/// <summary>
/// The integration list's filters as URL query parameters, read and written in one place, so the page's address, a
/// shared link and the CSV export mean the same rows. Unknown values fall back to the default instead of failing.
/// </summary>
public static class IntegrationQueryString
{
    public const string ListPath = "/support/integrations";
    public const string ExportPath = "/support/integrations/export.csv";
    public const int DefaultPageSize = 50;

    public static IntegrationQuery Parse(IReadOnlyDictionary<string, string?> values)
    {
        string? Get(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        return new IntegrationQuery(
            Status: Enum.TryParse<StatusFilter>(Get("status"), ignoreCase: true, out var status) ? status : StatusFilter.All,
            Cause: Enum.TryParse<FailureCause>(Get("cause"), ignoreCase: true, out var cause) && cause != FailureCause.None ? cause : null,
            Plan: Enum.TryParse<PlanState>(Get("plan"), ignoreCase: true, out var plan) ? plan : null,
            Search: Get("q")?.Trim(),
            TeamId: Guid.TryParse(Get("team"), out var team) ? team : null,
            Sort: Enum.TryParse<IntegrationSort>(Get("sort"), ignoreCase: true, out var sort) ? sort : IntegrationSort.FailingSince,
            Descending: Get("desc") is "1" or "true",
            // The address counts pages from 1, as people do.
            Page: int.TryParse(Get("page"), CultureInfo.InvariantCulture, out var page) && page > 1 ? page - 1 : 0,
            PageSize: int.TryParse(Get("size"), CultureInfo.InvariantCulture, out var size) && size is > 0 and <= IntegrationQuery.MaxPageSize
                ? size
                : DefaultPageSize);
    }

    public static IntegrationQuery Parse(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> query) =>
        Parse(query.ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase));

    /// <summary>The address of <paramref name="path"/> with the query's non-default values.</summary>
    public static string ToUrl(string path, IntegrationQuery query, bool withPaging = true)
    {
        var values = new Dictionary<string, string?>();
        if (query.Status != StatusFilter.All)
        {
            values["status"] = query.Status.ToString();
        }
        if (query.Cause is { } cause)
        {
            values["cause"] = cause.ToString();
        }
        if (query.Plan is { } plan)
        {
            values["plan"] = plan.ToString();
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            values["q"] = query.Search;
        }
        if (query.TeamId is { } team)
        {
            values["team"] = team.ToString();
        }
        if (query.Sort != IntegrationSort.FailingSince)
        {
            values["sort"] = query.Sort.ToString();
        }
        if (query.Descending)
        {
            values["desc"] = "1";
        }
        if (withPaging && query.Page > 0)
        {
            values["page"] = (query.Page + 1).ToString(CultureInfo.InvariantCulture);
        }
        if (withPaging && query.PageSize != DefaultPageSize)
        {
            values["size"] = query.PageSize.ToString(CultureInfo.InvariantCulture);
        }
        return QueryHelpers.AddQueryString(path, values);
    }
}
