using MimeKit;

namespace Omnichat.Core.Notifications.Sending;

/// <summary>
/// Hands a finished message to whatever delivers it. Two real implementations: <see cref="SmtpMailSender"/> when
/// Email:Smtp:Host is set, <see cref="PickupDirectoryMailSender"/> otherwise. Throws when the message was not taken.
/// The message id is the same on every attempt of one outbox e-mail, so a sender can recognise a retry.
/// </summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
