using Omnichat.Core.Teams;

namespace Omnichat.Tests.Components;

/// <summary>Callers for component tests, shaped like the demo accounts.</summary>
public static class TestCallers
{
    public static readonly Guid DemoShopId = Guid.Parse("5f0c2b7e-8a31-4c55-9a57-3d1c0e6f4a10");
    public const string DemoShop = "Demo Shop";

    public static readonly Caller TeamAdmin = new("user-admin", "王小明 (Demo admin)", DemoShopId, IsTeamAdmin: true, IsSupport: false);
    public static readonly Caller Agent = new("user-agent", "陳美玲 (Demo agent)", DemoShopId, IsTeamAdmin: false, IsSupport: false);
    public static readonly Caller Support = new("user-support", "林志豪 (Support)", null, IsTeamAdmin: false, IsSupport: true);
}
