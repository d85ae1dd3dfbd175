namespace Omnichat.Core.Teams;

/// <summary>The demo described in design.md: seeded, and listed on the sign-in page, only in demo mode.</summary>
public static class DemoAccounts
{
    public const string DemoShop = "Demo Shop";
    public const string OtherShop = "Other Shop";

    /// <summary>Every demo account's password in Development. Public on purpose: demo mode is for trying the console out.</summary>
    public const string Password = "Omnichat-demo-1";

    /// <summary>A password for one start of a sandbox outside Development; it meets Identity's default rules.</summary>
    public static string RandomPassword() =>
        "Demo-" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "-7a";

    public static readonly DemoAccount Admin = new("admin@demo.local", "王小明 (Demo admin)", Roles.TeamAdmin, DemoShop);
    /// <summary>A second admin of the same team, whose own Facebook account (Kevin Wu) also runs some of its pages.</summary>
    public static readonly DemoAccount Admin2 = new("admin2@demo.local", "吳凱文 (Demo admin 2)", Roles.TeamAdmin, DemoShop);
    public static readonly DemoAccount Agent = new("agent@demo.local", "陳美玲 (Demo agent)", Roles.Agent, DemoShop);
    public static readonly DemoAccount Support = new("support@demo.local", "林志豪 (Support)", Roles.Support, null);
    public static readonly DemoAccount OtherAdmin = new("admin@other.local", "張雅婷 (Other admin)", Roles.TeamAdmin, OtherShop);

    public static readonly IReadOnlyList<DemoAccount> All = [Admin, Admin2, Agent, Support, OtherAdmin];

    public static readonly IReadOnlyList<string> TeamNames = [DemoShop, OtherShop];
}
