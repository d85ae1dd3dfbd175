using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Omnichat.Core.Facebook;

/// <summary>
/// Reads Meta's <c>signed_request</c> (deauthorize callback): base64url(HMAC-SHA256 of the encoded payload with the
/// app secret) "." base64url(JSON payload). Anything that does not verify is rejected.
/// </summary>
public static class SignedRequest
{
    /// <summary>
    /// A captured callback must not be replayable for ever: Meta posts it at once, so one older than this is refused.
    /// A later <c>issued_at</c> is accepted, since only the holder of the app secret can sign one (and the
    /// sandbox's clock may run ahead of the console's on purpose).
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(1);

    /// <summary>Far above Meta's few hundred bytes; the deauthorize endpoint reads no more than this.</summary>
    public const int MaxLength = 8 * 1024;

    /// <returns>
    /// The payload's user_id, or null when the request is malformed, its signature is wrong, or it was issued more
    /// than <see cref="MaxAge"/> before <paramref name="now"/> (or says not when).
    /// </returns>
    public static string? ReadUserId(string? signedRequest, string appSecret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(signedRequest) || signedRequest.Length > MaxLength || string.IsNullOrEmpty(appSecret))
        {
            return null;
        }
        var parts = signedRequest.Split('.');
        if (parts.Length != 2 || FromBase64Url(parts[0]) is not { } signature || FromBase64Url(parts[1]) is not { } payload)
        {
            return null;
        }
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.ASCII.GetBytes(parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(payload);
            return ReadPayload(json.RootElement, now);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The signature proves who wrote the payload, not that it has the shape we expect: check every kind.
    private static string? ReadPayload(JsonElement root, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("algorithm", out var algorithm) || algorithm.ValueKind != JsonValueKind.String
            || !string.Equals(algorithm.GetString(), "HMAC-SHA256", StringComparison.OrdinalIgnoreCase)
            || !root.TryGetProperty("issued_at", out var issuedAt) || issuedAt.ValueKind != JsonValueKind.Number
            || !issuedAt.TryGetInt64(out var issuedAtSeconds)
            || !root.TryGetProperty("user_id", out var user))
        {
            return null;
        }
        if (issuedAtSeconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || issuedAtSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || now - DateTimeOffset.FromUnixTimeSeconds(issuedAtSeconds) > MaxAge)
        {
            return null;
        }
        // Meta sends the id as a string; a number is accepted as its digits.
        var userId = user.ValueKind switch
        {
            JsonValueKind.String => user.GetString(),
            JsonValueKind.Number => user.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(userId) ? null : userId;
    }

    private static byte[]? FromBase64Url(string value)
    {
        var padded = value.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
