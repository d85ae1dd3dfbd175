namespace Omnichat.Console.Sandbox.Messenger;

public sealed record CustomerMessageRequest(string? Psid, string? Text, IReadOnlyList<AttachmentRequest>? Attachments);
