namespace Omnichat.Core.Facebook;

/// <summary>One page of a cursor-paged Graph list; <see cref="After"/> is null on the last one.</summary>
public sealed record ConversationListPage<T>(IReadOnlyList<T> Items, string? After);
