using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Omnichat.Core.Notifications.Sending;

/// <summary>Sends through the SMTP server of Email:Smtp:*, one connection per message (reminders are rare).</summary>
public sealed class SmtpMailSender(IOptions<EmailOptions> options) : IMailSender
{
    /// <summary>Short enough that a hung server does not hold the outbox's lease for long.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
        {
            await client.AuthenticateAsync(smtp.User, smtp.Password, cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    internal static SecureSocketOptions Security(SmtpOptions smtp) => smtp switch
    {
        { UseTls: true, Port: 465 } => SecureSocketOptions.SslOnConnect,
        { UseTls: true } => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
