namespace Omnichat.Core.Facebook;

/// <summary>The Send API's answer: the recipient's PSID and the new message's <c>mid</c>.</summary>
public sealed record SentMessage(string? RecipientId, string MessageId);
