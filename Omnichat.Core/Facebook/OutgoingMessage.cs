namespace Omnichat.Core.Facebook;

/// <summary>A text reply for the Send API (§7). <see cref="Tag"/> only with messaging type MESSAGE_TAG.</summary>
public sealed record OutgoingMessage(string RecipientId, string Text, string MessagingType, string? Tag, string? Metadata);
