using Omnichat.Core.Messaging;

namespace Omnichat.Core.Integrations;

/// <summary>
/// One kept-aside event as support reads it, derived from its JSON. <see cref="Text"/> is what the customer wrote (or
/// the page, for an echo): customer data for the page only, never for logs.
/// </summary>
/// <param name="Psid">The customer: the sender, or the recipient of an echo.</param>
/// <param name="Text">The message's text, or the title of the tapped button for a postback.</param>
/// <param name="AttachmentTypes">image, audio, video, file, sticker, template...</param>
public sealed record ParkedEventRow(
    long Id,
    DateTimeOffset EventAt,
    DateTimeOffset ParkedAt,
    ParkedReason Reason,
    bool Standby,
    WebhookEventKind Kind,
    string? Psid,
    string? Text,
    IReadOnlyList<string> AttachmentTypes);
