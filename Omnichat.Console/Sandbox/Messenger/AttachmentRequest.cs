namespace Omnichat.Console.Sandbox.Messenger;

public sealed record AttachmentRequest(string? Type, string? Url);
