using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace Omnichat.Console.Sandbox.Control;

/// <summary>Meta's <c>signed_request</c>: base64url(HMAC-SHA256 of the encoded payload, keyed with the app secret) "." base64url(payload).</summary>
public static class SignedRequest
{
    public static string ForDeauthorize(string userId, DateTimeOffset issuedAt, string appSecret)
    {
        var payload = new JsonObject
        {
            ["user_id"] = userId,
            ["algorithm"] = "HMAC-SHA256",
            ["issued_at"] = issuedAt.ToUnixTimeSeconds(),
        };
        var encodedPayload = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), Encoding.ASCII.GetBytes(encodedPayload));
        return WebEncoders.Base64UrlEncode(signature) + "." + encodedPayload;
    }
}
