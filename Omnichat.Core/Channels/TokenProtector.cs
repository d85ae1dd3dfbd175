using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace Omnichat.Core.Channels;

/// <summary>Encrypts Facebook tokens before they reach the database; the only place that sees them in clear.</summary>
public sealed class TokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Omnichat.Facebook.Tokens.v1");

    // Lower-case hex rather than base64: a stored ciphertext can never read "EAA...", so searching a database
    // file for Facebook's token prefix finds real leaks only.
    public string Protect(string token) => Convert.ToHexStringLower(protector.Protect(Encoding.UTF8.GetBytes(token)));

    public string Unprotect(string protectedToken) => Encoding.UTF8.GetString(protector.Unprotect(Convert.FromHexString(protectedToken)));
}
