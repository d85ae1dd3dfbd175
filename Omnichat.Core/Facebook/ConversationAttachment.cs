namespace Omnichat.Core.Facebook;

/// <summary>An attachment read back from the Conversations API, in the webhook's terms (type and URL).</summary>
public sealed record ConversationAttachment(string Type, string? Url, string? Name);
