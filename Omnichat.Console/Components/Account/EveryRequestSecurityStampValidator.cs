using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Components.Account;

/// <summary>
/// Compares the sign-in cookie's security stamp with the user's on every request, so a cookie stops working as soon
/// as the stamp changes: sign-out changes it (<see cref="AccountEndpoints"/>), and so would a password reset.
/// </summary>
/// <remarks>
/// Identity's validator checks only every <see cref="SecurityStampValidatorOptions.ValidationInterval"/> (30 minutes),
/// and with a zero interval it rebuilds the principal (roles, team name) and re-issues the cookie on every request.
/// Here the check costs one primary-key read of the user row per request that carries a cookie; the periodic
/// rebuild of the claims stays on Identity's interval. The stamp lives in the database, so every console instance
/// sees a sign-out at once, and no new table was needed (a session store would have needed one).
/// </remarks>
internal sealed class EveryRequestSecurityStampValidator(
        IOptions<SecurityStampValidatorOptions> options,
        SignInManager<ConsoleUser> signInManager,
        ILoggerFactory loggerFactory)
    : SecurityStampValidator<ConsoleUser>(options, signInManager, loggerFactory)
{
    private readonly ILogger logger = loggerFactory.CreateLogger<EveryRequestSecurityStampValidator>();

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (await VerifySecurityStamp(context.Principal) is null)
        {
            logger.LogInformation("Refused a sign-in cookie for user {UserId}: signed out since, or the account changed",
                SignInManager.UserManager.GetUserId(context.Principal!));
            context.RejectPrincipal();
            await SignInManager.SignOutAsync();
            return;
        }
        // The stamp still matches: Identity's own validator refreshes the claims when its interval has passed.
        await base.ValidateAsync(context);
    }
}
