namespace Omnichat.Core.Teams;

/// <summary>Identity role names. Only team admins change connections; support staff read every team.</summary>
public static class Roles
{
    public const string TeamAdmin = "TeamAdmin";
    public const string Agent = "Agent";
    public const string Support = "Support";

    public static readonly IReadOnlyList<string> All = [TeamAdmin, Agent, Support];
}
