using MimeKit;

namespace Omnichat.Core.Notifications.Sending;

/// <summary>
/// Hands a finished message to whatever delivers it. Two real implementations: <see cref="SmtpMailSender"/> when
/// Email:Smtp:Host is set, <see cref="PickupDirectoryMailSender"/> otherwise. Throws when the message was not taken.
/// </summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
