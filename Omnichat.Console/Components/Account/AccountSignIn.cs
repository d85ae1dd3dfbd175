using Microsoft.AspNetCore.Identity;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Components.Account;

/// <summary>
/// Password sign-in that does not tell a visitor which e-mails have an account or which accounts are locked out:
/// every refusal costs one password check, and the sign-in page shows one message for all of them.
/// </summary>
/// <remarks>
/// Identity's own <c>PasswordSignInAsync(email, ...)</c> answers an unknown e-mail, and a locked-out account, before
/// hashing anything: a few milliseconds against the hundred a real check takes. What is left: a known account's
/// failure also records the failed attempt (one UPDATE), so it may take a few milliseconds longer.
/// </remarks>
internal sealed class AccountSignIn(SignInManager<ConsoleUser> signInManager, DecoyPasswordHash decoy)
{
    public async Task<SignInResult> SignInAsync(string email, string password, bool persistent)
    {
        var userManager = signInManager.UserManager;
        // User names are the e-mail addresses (DemoSeeder and the account pages create them so).
        var user = await userManager.FindByNameAsync(email);
        if (user is null)
        {
            decoy.Check(password);
            return SignInResult.Failed;
        }
        if (await userManager.IsLockedOutAsync(user))
        {
            // The lockout stands whatever the password, so this check only spends the time a real one would.
            decoy.Check(password);
            return SignInResult.LockedOut;
        }
        return await signInManager.PasswordSignInAsync(user, password, persistent, lockoutOnFailure: true);
    }
}
