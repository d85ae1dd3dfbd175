using System.Security.Cryptography;
using System.Text;

namespace Omnichat.Core.Health;

/// <summary>
/// Tells whether a verdict is about the token a connection runs on now, without carrying the token: a short hash of
/// its stored (encrypted) form, which changes whenever the token is replaced.
/// </summary>
public static class TokenFingerprint
{
    public static string Of(string protectedToken) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(protectedToken)), 0, 8);
}
