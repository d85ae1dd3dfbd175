using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Components.Account;

/// <summary>
/// A password hash no one knows the password of, made with the same hasher settings as real ones, so checking a
/// password against it costs what checking a real account's does.
/// </summary>
internal sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    private readonly PasswordHasher<ConsoleUser> hasher = new(options);
    private readonly Lazy<string> hash = new(() =>
        new PasswordHasher<ConsoleUser>(options).HashPassword(new ConsoleUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));

    /// <summary>Spends one password check's work on <paramref name="password"/>; the result is always "wrong".</summary>
    public void Check(string password) => hasher.VerifyHashedPassword(new ConsoleUser(), hash.Value, password);
}
