namespace Omnichat.Console.Components.Account;

/// <summary>Claims the console adds to the sign-in cookie on top of Identity's own (id, name, roles, security stamp).</summary>
public static class ConsoleClaimTypes
{
    public const string TeamId = "omnichat:team_id";
    public const string TeamName = "omnichat:team_name";
    public const string DisplayName = "omnichat:display_name";
}
