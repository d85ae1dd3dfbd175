using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Omnichat.Core.Teams;

namespace Omnichat.Console.Components.Account;

/// <summary>Authorization policy names: use them in <c>[Authorize(Policy = Policies.TeamAdmin)]</c> and AuthorizeView.</summary>
public static class Policies
{
    /// <summary>Belongs to a team (its admin or an agent): sees that team's data.</summary>
    public const string TeamMember = nameof(TeamMember);

    /// <summary>A team's admin: connects, disconnects and reauthorizes its channels.</summary>
    public const string TeamAdmin = nameof(TeamAdmin);

    /// <summary>Support staff: read-only views across all teams.</summary>
    public const string Support = nameof(Support);

    /// <summary>Pages both team members and support staff open, such as the channels page.</summary>
    public const string TeamMemberOrSupport = nameof(TeamMemberOrSupport);

    internal static AuthorizationBuilder AddOmnichatPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(TeamMember, p => p.RequireAuthenticatedUser().RequireAssertion(c => IsTeamMember(c.User)))
        .AddPolicy(TeamAdmin, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => c.User.IsInRole(Roles.TeamAdmin) && c.User.GetTeamId() is not null))
        .AddPolicy(Support, p => p.RequireAuthenticatedUser().RequireRole(Roles.Support))
        .AddPolicy(TeamMemberOrSupport, p => p.RequireAuthenticatedUser()
            .RequireAssertion(c => IsTeamMember(c.User) || c.User.IsInRole(Roles.Support)));

    // A role alone is not enough: team data is scoped by the team claim, so a member without a team sees nothing.
    private static bool IsTeamMember(ClaimsPrincipal user) =>
        user.GetTeamId() is not null && (user.IsInRole(Roles.TeamAdmin) || user.IsInRole(Roles.Agent));
}
