using System.Security.Cryptography;
using System.Text;

namespace Omnichat.Core.Facebook;

/// <summary>
/// <c>X-Hub-Signature-256</c>: "sha256=" and the lower-case hex HMAC-SHA256 of the raw body bytes, keyed with the app
/// secret (§6.3). Always over the bytes as received: Meta signs its \u-escaped text, so re-serialising breaks the check.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";
    public const int DigestBytes = 32;
    private const string Prefix = "sha256=";

    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    /// <summary>True only for a well-formed header whose digest matches, compared in constant time.</summary>
    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        Span<byte> given = stackalloc byte[DigestBytes];
        if (string.IsNullOrEmpty(appSecret) || !TryReadHeader(header, given))
        {
            return false;
        }
        Span<byte> expected = stackalloc byte[DigestBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>
    /// Reads the digest out of a header: "sha256=" and 64 hex digits (either case), nothing else. Checked before any of
    /// the body is read, so a request that cannot be Meta's costs no memory.
    /// </summary>
    public static bool TryReadHeader(string? header, Span<byte> digest)
    {
        if (header is null || header.Length != Prefix.Length + 2 * DigestBytes || digest.Length != DigestBytes
            || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return Convert.FromHexString(header.AsSpan(Prefix.Length), digest, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == DigestBytes;
    }

    /// <summary>An HMAC to feed the body into as it arrives; finish it with <see cref="Matches"/>.</summary>
    public static IncrementalHash CreateHmac(string appSecret) =>
        IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(appSecret));

    /// <summary>Whether everything fed into <paramref name="hmac"/> carries <paramref name="digest"/>, compared in constant time.</summary>
    public static bool Matches(IncrementalHash hmac, ReadOnlySpan<byte> digest)
    {
        Span<byte> expected = stackalloc byte[DigestBytes];
        return hmac.TryGetHashAndReset(expected, out var written) && written == DigestBytes
            && CryptographicOperations.FixedTimeEquals(expected, digest);
    }
}
