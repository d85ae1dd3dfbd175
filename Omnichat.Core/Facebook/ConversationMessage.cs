namespace Omnichat.Core.Facebook;

/// <summary>
/// A message of a thread as the Conversations API gives it. <see cref="Detailed"/> is false for messages past the 20 most
/// recent: Meta lists their id and time but not who wrote what (§17), so they cannot be imported.
/// </summary>
public sealed record ConversationMessage(
    string Id,
    DateTimeOffset CreatedTime,
    bool Detailed,
    string? FromId,
    string? ToId,
    string? Text,
    IReadOnlyList<ConversationAttachment> Attachments);
