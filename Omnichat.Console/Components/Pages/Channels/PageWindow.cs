namespace Omnichat.Console.Components.Pages.Channels;

/// <summary>
/// One page of a long list: a team with 500 authorized pages renders 50 rows, not 500 (each with its picture, a
/// checkbox and its share of every tick's render).
/// </summary>
public static class PageWindow
{
    public const int Size = 50;

    public static int PageCount(int items) => Math.Max(1, (items + Size - 1) / Size);

    /// <summary>The 1-based page <paramref name="page"/>, or the last one when the list has shrunk below it.</summary>
    public static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items, int page) =>
        [.. items.Skip((Clamp(page, items.Count) - 1) * Size).Take(Size)];

    public static int Clamp(int page, int items) => Math.Clamp(page, 1, PageCount(items));
}
