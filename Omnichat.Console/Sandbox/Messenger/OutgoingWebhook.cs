namespace Omnichat.Console.Sandbox.Messenger;

/// <summary>A webhook body ready to post: the exact bytes that are signed and sent, retried unchanged.</summary>
public sealed record OutgoingWebhook(string PageId, string Field, string Kind, string? Mid, byte[] Body);
