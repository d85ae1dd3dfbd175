using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Components.Account;

/// <summary>
/// Puts the team and display name into the sign-in cookie, so every page knows the caller's team without a query.
/// The claims are refreshed at each sign-in (a team rename shows after the next one).
/// </summary>
internal sealed class ConsoleUserClaimsPrincipalFactory(
        UserManager<ConsoleUser> userManager,
        RoleManager<IdentityRole> roleManager,
        IOptions<IdentityOptions> options,
        IDbContextFactory<OmnichatDbContext> dbFactory)
    : UserClaimsPrincipalFactory<ConsoleUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ConsoleUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ConsoleClaimTypes.DisplayName, DisplayNameOf(user)));
        if (user.TeamId is { } teamId)
        {
            identity.AddClaim(new Claim(ConsoleClaimTypes.TeamId, teamId.ToString("D", CultureInfo.InvariantCulture)));
            await using var db = await dbFactory.CreateDbContextAsync();
            var teamName = await db.Teams.Where(t => t.Id == teamId).Select(t => t.Name).SingleOrDefaultAsync();
            if (teamName is not null)
            {
                identity.AddClaim(new Claim(ConsoleClaimTypes.TeamName, teamName));
            }
        }
        return identity;
    }

    private static string DisplayNameOf(ConsoleUser user) =>
        string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? user.UserName ?? user.Id : user.DisplayName;
}
