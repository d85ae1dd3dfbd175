namespace Omnichat.Core.Teams;

/// <summary>One seeded demo sign-in; <see cref="TeamName"/> is null for support staff, who belong to no team.</summary>
public sealed record DemoAccount(string Email, string DisplayName, string Role, string? TeamName);
