using System.Globalization;
using System.Security.Claims;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Components.Account;

/// <summary>Reads the <see cref="Caller"/> back from the claims <see cref="ConsoleUserClaimsPrincipalFactory"/> wrote.</summary>
public static class CallerClaims
{
    public static bool IsSignedIn(this ClaimsPrincipal principal) => principal.Identity?.IsAuthenticated == true;

    /// <summary>The signed-in caller; throws for an anonymous principal (a page that calls this needs [Authorize]).</summary>
    public static Caller ToCaller(this ClaimsPrincipal principal)
    {
        if (!principal.IsSignedIn())
        {
            throw new InvalidOperationException("No user is signed in; protect the page with [Authorize].");
        }
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier)
            ?? throw new InvalidOperationException("The sign-in cookie has no user id claim.");
        var displayName = principal.FindFirstValue(ConsoleClaimTypes.DisplayName) ?? principal.Identity?.Name ?? userId;
        return new Caller(
            userId,
            displayName,
            principal.GetTeamId(),
            IsTeamAdmin: principal.IsInRole(Roles.TeamAdmin),
            IsSupport: principal.IsInRole(Roles.Support));
    }

    public static Guid? GetTeamId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ConsoleClaimTypes.TeamId), CultureInfo.InvariantCulture, out var teamId)
            ? teamId
            : null;

    /// <summary>The team's name for display; null for support staff, who belong to no team.</summary>
    public static string? GetTeamName(this ClaimsPrincipal principal) => principal.FindFirstValue(ConsoleClaimTypes.TeamName);
}
