using Microsoft.Extensions.Options;
using MimeKit;

namespace Omnichat.Core.Notifications.Sending;

/// <summary>
/// Writes each message as an <c>.eml</c> file to Email:PickupDirectory: what a machine without an SMTP server
/// (a demo, a developer's laptop) does, and what a mail client can open to see the e-mail as sent.
/// </summary>
/// <remarks>
/// The file is named by the message id, which the outbox keeps the same on every attempt of one e-mail. A process
/// killed after writing the file but before marking the e-mail sent retries it later; the file is there already, so
/// the retry writes nothing and the pickup agent delivers the e-mail once.
/// </remarks>
public sealed class PickupDirectoryMailSender(IOptions<EmailOptions> options) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName(message));
        if (File.Exists(path))
        {
            return;
        }
        // Written under a temporary name and renamed, so a pickup agent never reads half a message; a half-written
        // temporary file left by a crash is overwritten by the retry.
        var partial = path + ".tmp";
        await message.WriteToAsync(partial, cancellationToken);
        try
        {
            File.Move(partial, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(partial);
        }
    }

    /// <summary>"{local part of the message id}.eml"; only letters, digits and dashes, so no id can leave the folder.</summary>
    internal static string FileName(MimeMessage message)
    {
        var id = message.MessageId;
        var local = string.IsNullOrEmpty(id) ? "" : id.Split('@')[0];
        if (local.Length == 0 || !local.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException("A pickup file is named by the message id, which must be set to letters, digits and dashes before the @.",
                nameof(message));
        }
        return local + ".eml";
    }
}
