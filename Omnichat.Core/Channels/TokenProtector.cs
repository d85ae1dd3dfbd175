using Microsoft.AspNetCore.DataProtection;

namespace Omnichat.Core.Channels;

/// <summary>Encrypts Facebook tokens before they reach the database; the only place that sees them in clear.</summary>
public sealed class TokenProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Omnichat.Facebook.Tokens.v1");

    public string Protect(string token) => protector.Protect(token);

    public string Unprotect(string protectedToken) => protector.Unprotect(protectedToken);
}
