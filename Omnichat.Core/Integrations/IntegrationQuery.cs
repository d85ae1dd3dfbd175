using Omnichat.Core.Channels;

namespace Omnichat.Core.Integrations;

/// <summary>
/// Filters, order and page of the integration status list. The page's URL and the CSV export carry the same values,
/// so a shared link and an export show the same rows.
/// </summary>
/// <param name="Search">Part of a team name or page name (any case), or the start of a page id.</param>
/// <param name="Page">Zero-based.</param>
public sealed record IntegrationQuery(
    StatusFilter Status = StatusFilter.All,
    FailureCause? Cause = null,
    PlanState? Plan = null,
    string? Search = null,
    Guid? TeamId = null,
    IntegrationSort Sort = IntegrationSort.FailingSince,
    bool Descending = false,
    int Page = 0,
    int PageSize = 50)
{
    public const int MaxPageSize = 200;
}
