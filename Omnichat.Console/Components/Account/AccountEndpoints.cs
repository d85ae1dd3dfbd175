using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Omnichat.Console.Endpoints;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Components.Account;

/// <summary>Account actions that are plain HTTP posts rather than pages.</summary>
public static class AccountEndpoints
{
    public const string LogoutPath = "/Account/Logout";
    public const string LoginPath = "/Account/Login";

    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A POST with the antiforgery token (minimal APIs validate it for form posts), so a link cannot sign anyone out.
        app.MapPost(LogoutPath, LogoutAsync);
        return app;
    }

    private static async Task<IResult> LogoutAsync(
        [FromServices] SignInManager<ConsoleUser> signInManager,
        [FromServices] ILoggerFactory loggerFactory,
        HttpContext context,
        [FromForm] string? returnUrl)
    {
        var userId = signInManager.UserManager.GetUserId(context.User);
        // Deleting the cookie in this browser is not enough: a copy of it would keep working (in another
        // browser, or stolen). A new stamp makes every cookie issued before it fail on its next request
        // (EveryRequestSecurityStampValidator) and ends open circuits at their next revalidation. This signs the
        // user out on every device, which is what someone who signs out because of a shared or lost device needs.
        if (await signInManager.UserManager.GetUserAsync(context.User) is { } user)
        {
            await signInManager.UserManager.UpdateSecurityStampAsync(user);
        }
        await signInManager.SignOutAsync();
        loggerFactory.CreateLogger(typeof(AccountEndpoints)).LogInformation("User {UserId} signed out", userId);
        var target = LocalUrl.IsLocal(returnUrl) ? returnUrl! : LoginPath;
        return TypedResults.LocalRedirect(target);
    }
}
