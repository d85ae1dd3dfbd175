namespace Omnichat.Core.Facebook;

/// <summary>One thread of a page as <c>{page-id}/conversations</c> lists it.</summary>
public sealed record ConversationRef(string Id, DateTimeOffset UpdatedTime);
