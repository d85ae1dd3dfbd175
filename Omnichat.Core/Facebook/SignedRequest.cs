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
    /// <returns>The payload's user_id, or null when the request is malformed or its signature is wrong.</returns>
    public static string? ReadUserId(string? signedRequest, string appSecret)
    {
        var parts = signedRequest?.Split('.');
        if (parts is not { Length: 2 } || string.IsNullOrEmpty(appSecret)
            || FromBase64Url(parts[0]) is not { } signature || FromBase64Url(parts[1]) is not { } payload)
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
            var root = json.RootElement;
            var algorithm = root.TryGetProperty("algorithm", out var a) ? a.GetString() : null;
            var userId = root.TryGetProperty("user_id", out var u) ? u.ToString() : null;
            return string.Equals(algorithm, "HMAC-SHA256", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(userId) ? userId : null;
        }
        catch (JsonException)
        {
            return null;
        }
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
