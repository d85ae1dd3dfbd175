using System.Security.Cryptography;
using System.Text;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Backfill;

/// <summary>
/// The fallback identity of a message when its ids might differ (Meta never promises that a Conversations API id equals
/// the webhook's mid, §17): which way it went, the second it was written, and a hash of what it says.
/// </summary>
public readonly record struct RecoveryKey(MessageDirection Direction, long Second, string ContentHash)
{
    public static RecoveryKey Of(MessageDirection direction, DateTimeOffset at, string? text, IEnumerable<string?> attachmentUrls) =>
        new(direction, at.ToUnixTimeSeconds(), Hash(text ?? string.Join('\n', attachmentUrls)));

    private static string Hash(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..16];
}
