using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Data;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Teams;

/// <summary>
/// Start-up seeding: the three roles always; the demo teams and accounts of <see cref="DemoAccounts"/> only in demo mode
/// (the sandbox on). Runs on every start and converges on the same state, so restarts, password changes and edits by
/// hand are undone. The published password works only in Development: a sandbox on a server gets a random one each
/// start, written once to the log. With demo mode off the demo accounts lose their password, so a database that once
/// ran the demo keeps no well-known credentials.
/// </summary>
public sealed class DemoSeeder(
    RoleManager<IdentityRole> roleManager,
    UserManager<ConsoleUser> userManager,
    IDbContextFactory<OmnichatDbContext> dbFactory,
    DeploymentMode mode,
    TimeProvider timeProvider,
    ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await EnsureRolesAsync(cancellationToken);
        if (mode.SandboxEnabled)
        {
            var password = mode.IsDevelopment ? DemoAccounts.Password : DemoAccounts.RandomPassword();
            var teamIds = await EnsureTeamsAsync(cancellationToken);
            foreach (var account in DemoAccounts.All)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await EnsureAccountAsync(account, account.TeamName is null ? null : teamIds[account.TeamName], password);
            }
            if (!mode.IsDevelopment)
            {
                // The one place this start's password is told: a sandbox on a server must not open with the published one.
                logger.LogWarning(
                    "The Facebook sandbox is on outside Development ({SettingKey}=true), so demo accounts do not take the published " +
                    "password. Their password until the next start: {DemoPassword}", DeploymentMode.SandboxEnabledKey, password);
            }
        }
        else
        {
            await RemoveDemoPasswordsAsync(cancellationToken);
        }
    }

    private async Task EnsureRolesAsync(CancellationToken cancellationToken)
    {
        foreach (var role in Roles.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await roleManager.RoleExistsAsync(role))
            {
                Succeeded(await roleManager.CreateAsync(new IdentityRole(role)), $"create role {role}");
                logger.LogInformation("Created role {Role}", role);
            }
        }
    }

    private async Task<Dictionary<string, Guid>> EnsureTeamsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var teams = await db.Teams.Where(t => DemoAccounts.TeamNames.Contains(t.Name)).ToDictionaryAsync(t => t.Name, cancellationToken);
        foreach (var name in DemoAccounts.TeamNames.Where(n => !teams.ContainsKey(n)))
        {
            // A plan that runs for a year from when the demo was created, so plan-end rules have a real date to read.
            var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
            var team = new Team { Name = name, PlanEndsOn = today.AddYears(1) };
            db.Teams.Add(team);
            teams[name] = team;
            logger.LogInformation("Created demo team {TeamName}", name);
        }
        await db.SaveChangesAsync(cancellationToken);
        return teams.ToDictionary(t => t.Key, t => t.Value.Id);
    }

    private async Task EnsureAccountAsync(DemoAccount account, Guid? teamId, string password)
    {
        var user = await userManager.FindByEmailAsync(account.Email);
        if (user is null)
        {
            user = new ConsoleUser
            {
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                TeamId = teamId,
            };
            Succeeded(await userManager.CreateAsync(user, password), $"create {account.Email}");
            logger.LogInformation("Created demo account {Email} ({Role})", account.Email, account.Role);
        }
        else if (user.DisplayName != account.DisplayName || user.TeamId != teamId)
        {
            user.DisplayName = account.DisplayName;
            user.TeamId = teamId;
            Succeeded(await userManager.UpdateAsync(user), $"update {account.Email}");
        }

        if (!await userManager.HasPasswordAsync(user))
        {
            Succeeded(await userManager.AddPasswordAsync(user, password), $"set the password of {account.Email}");
        }
        else if (!await userManager.CheckPasswordAsync(user, password))
        {
            var token = await userManager.GeneratePasswordResetTokenAsync(user);
            Succeeded(await userManager.ResetPasswordAsync(user, token, password), $"reset the password of {account.Email}");
            logger.LogInformation("Reset the password of demo account {Email}", account.Email);
        }
        await userManager.SetLockoutEndDateAsync(user, null);

        // Exactly one role, so a demo account shows what that role alone can do.
        var roles = await userManager.GetRolesAsync(user);
        var extra = roles.Where(r => r != account.Role).ToList();
        if (extra.Count > 0)
        {
            Succeeded(await userManager.RemoveFromRolesAsync(user, extra), $"remove extra roles of {account.Email}");
        }
        if (!roles.Contains(account.Role))
        {
            Succeeded(await userManager.AddToRoleAsync(user, account.Role), $"add {account.Email} to {account.Role}");
        }
    }

    private async Task RemoveDemoPasswordsAsync(CancellationToken cancellationToken)
    {
        foreach (var account in DemoAccounts.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var user = await userManager.FindByEmailAsync(account.Email);
            if (user is not null && await userManager.HasPasswordAsync(user))
            {
                Succeeded(await userManager.RemovePasswordAsync(user), $"remove the password of {account.Email}");
                logger.LogWarning("Demo mode is off: removed the password of demo account {Email}", account.Email);
            }
        }
    }

    // Seeding runs before the first request; a failure here is a bug or a broken database, so stop the start-up.
    private static void Succeeded(IdentityResult result, string action)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding could not {action}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
