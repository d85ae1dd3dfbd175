namespace Omnichat.Core.Teams;

/// <summary>Whether a team's plan still runs. The plan's last day counts as paid, in UTC, wherever the team is.</summary>
public static class TeamPlan
{
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    public static bool HasEnded(Team team, DateTimeOffset now) => team.PlanEndsOn is DateOnly last && last < Today(now);
}
