using System.Security.Cryptography;
using System.Text;

namespace Omnichat.Console.Sandbox.World;

/// <summary>Makes tokens and codes that look like Meta's, and the hashes the world keeps instead of them.</summary>
public static class TokenMinter
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private const int BodyLength = 150;

    /// <summary>"EAA" plus about 150 letters and digits, like a real Graph token, so a leak is easy to grep for.</summary>
    public static string NewToken() => "EAA" + Encode(RandomNumberGenerator.GetBytes(BodyLength));

    /// <summary>Codes start with "AQ" on Facebook.</summary>
    public static string NewCode() => "AQ" + Encode(RandomNumberGenerator.GetBytes(180));

    /// <summary>
    /// The page token for a page, derived from the user token that asked for it: asking twice gives the same token
    /// (as Meta does), yet nothing on disk lets anyone rebuild it without the user token.
    /// </summary>
    public static string DerivePageToken(string userToken, string pageId)
    {
        var key = Encoding.UTF8.GetBytes(userToken);
        var first = HMACSHA512.HashData(key, Encoding.UTF8.GetBytes("page1|" + pageId));
        var second = HMACSHA512.HashData(key, Encoding.UTF8.GetBytes("page2|" + pageId));
        var third = HMACSHA512.HashData(key, Encoding.UTF8.GetBytes("page3|" + pageId));
        return "EAA" + Encode([.. first, .. second, .. third])[..BodyLength];
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string NewTraceId() => Encode(RandomNumberGenerator.GetBytes(11));

    private static string Encode(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        }
        return new string(chars);
    }
}
