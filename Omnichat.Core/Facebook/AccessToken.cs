using System.Text;

namespace Omnichat.Core.Facebook;

/// <summary>A token from <c>oauth/access_token</c>. <see cref="ExpiresIn"/> (seconds) is optional: long-lived tokens may omit it.</summary>
public sealed record AccessToken(string Token, string? TokenType, long? ExpiresIn)
{
    // Records print every property; a token must never reach a log through ToString().
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Token = [redacted], TokenType = ").Append(TokenType).Append(", ExpiresIn = ").Append(ExpiresIn);
        return true;
    }
}
