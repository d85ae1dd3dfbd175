namespace Omnichat.Core.Integrations;

/// <summary>Order and page of the kept-aside events list; the support page's address carries the same values.</summary>
/// <param name="Descending">Newest (or most) first unless asked otherwise.</param>
/// <param name="Page">Zero-based.</param>
public sealed record ParkedPageQuery(
    ParkedPageSort Sort = ParkedPageSort.LastEvent,
    bool Descending = true,
    int Page = 0,
    int PageSize = ParkedPageQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;
}
