namespace Omnichat.Core.Messaging;

/// <summary>An attachment as Meta sent it: image, audio, video, file, sticker, reel, template, fallback...</summary>
public sealed record WebhookAttachment(string Type, string? Url, string? Title = null);
