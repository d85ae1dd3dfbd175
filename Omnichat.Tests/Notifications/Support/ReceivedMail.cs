using MimeKit;

namespace Omnichat.Tests.Notifications.Support;

/// <summary>One message as the test SMTP server accepted it: the parsed message and the envelope's RCPT TO list.</summary>
public sealed record ReceivedMail(MimeMessage Message, IReadOnlyList<string> EnvelopeRecipients);
