namespace Omnichat.Core.Notifications.Templates;

/// <summary>A written e-mail: its subject, HTML body and plain-text body, ready to address and send.</summary>
public sealed record ComposedEmail(string Subject, string Html, string Text);
