namespace Omnichat.Core.Facebook.Wire;

/// <summary>Graph's list envelope: <c>data</c> plus optional <c>paging</c>.</summary>
internal sealed record ListDto<T>
{
    public List<T>? Data { get; init; }
    public PagingDto? Paging { get; init; }
}

/// <summary><c>cursors</c> are always present; <c>next</c> only when another page exists.</summary>
internal sealed record PagingDto
{
    public CursorsDto? Cursors { get; init; }
    public string? Next { get; init; }
}

internal sealed record CursorsDto
{
    public string? Before { get; init; }
    public string? After { get; init; }
}
