namespace Omnichat.Core.Integrations;

/// <param name="TotalCount">Page ids with kept-aside events, for the pager.</param>
public sealed record ParkedPageList(IReadOnlyList<ParkedPageRow> Rows, int TotalCount)
{
    public static readonly ParkedPageList Empty = new([], 0);
}
