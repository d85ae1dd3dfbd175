using Microsoft.Extensions.Options;
using MimeKit;

namespace Omnichat.Core.Notifications.Sending;

/// <summary>
/// Writes each message as an <c>.eml</c> file to Email:PickupDirectory: what a machine without an SMTP server
/// (a demo, a developer's laptop) does, and what a mail client can open to see the e-mail as sent.
/// </summary>
public sealed class PickupDirectoryMailSender(IOptions<EmailOptions> options, TimeProvider timeProvider) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(folder);
        var name = $"{timeProvider.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        // Written under a temporary name and renamed, so a pickup agent never reads half a message.
        var partial = Path.Combine(folder, name + ".tmp");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(folder, name));
    }
}
