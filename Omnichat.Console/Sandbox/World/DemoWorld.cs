namespace Omnichat.Console.Sandbox.World;

/// <summary>The demo world every fresh start or reset begins with. Ids are fixed so demos, docs and tests can name them.</summary>
public static class DemoWorld
{
    public const string AppName = "Omnichat";

    public const string DanaId = "780170000000001";
    public const string SamId = "780170000000002";
    /// <summary>Demo Shop's second admin (<c>admin2@demo.local</c>), admin of Dana's first <see cref="KevinPageCount"/> shop pages.</summary>
    public const string KevinId = "780170000000003";
    public const int KevinPageCount = 3;

    /// <summary>Dana's 31 shop pages are 104500000000001..104500000000031.</summary>
    public const string FirstShopPageId = "104500000000001";
    public const string PartnerPageId = "104500000000032";
    public const string TradingPageId = "104500000000040";
    public const string SamPage1Id = "104500000000051";
    public const string SamPage2Id = "104500000000052";
    /// <summary>Dana's "Demo Shop 台北店", where Sam Lin is admin too.</summary>
    public const string SharedPageId = FirstShopPageId;

    public const string TradingBusinessId = "2001000000000001";
    /// <summary>
    /// The sandbox's Facebook Login for Business configuration of token type System User (the console's default
    /// <c>Facebook:SystemUserConfigId</c> with the sandbox on); any other config_id issues user tokens as before.
    /// </summary>
    public const string SystemUserConfigId = "9400000000000001";
    /// <summary>Permissions of that configuration, all granted at once (a configuration cannot be granted in part).</summary>
    public static readonly string[] SystemUserScopes =
        ["pages_show_list", "pages_messaging", "pages_manage_metadata", "pages_read_engagement", "business_management"];

    /// <summary>The id of a business's system user for our app: 6155 and the business id's digits, fixed so tests can name it.</summary>
    public static string SystemUserIdOf(string businessId) => "6155" + businessId[^11..];
    public const string OtherAppId = "1290000000000002";
    /// <summary>The Page Inbox app id that Meta puts on echoes of replies typed in Meta Business Suite.</summary>
    public const string PageInboxAppId = "263902037430900";

    private static readonly string[] ShopCities =
    [
        "台北", "台中", "高雄", "台南", "新竹", "桃園", "基隆", "嘉義", "宜蘭", "花蓮", "台東",
        "屏東", "彰化", "南投", "雲林", "苗栗", "澎湖", "金門", "板橋", "新莊", "中壢", "信義",
        "西門", "士林", "內湖", "淡水", "三重", "永和", "鳳山", "竹北", "頭份",
    ];

    public static string ShopPageId(int number) => (104500000000000L + number).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static WorldState Create(string appId)
    {
        var world = new WorldState { AppId = appId };
        world.Users.Add(new SandboxUser { Id = DanaId, Name = "Dana Chen" });
        world.Users.Add(new SandboxUser { Id = SamId, Name = "Sam Lin" });
        world.Users.Add(new SandboxUser { Id = KevinId, Name = "Kevin Wu" });

        for (var i = 0; i < ShopCities.Length; i++)
        {
            var page = NewPage(ShopPageId(i + 1), $"Demo Shop {ShopCities[i]}店", appId);
            page.Roles[DanaId] = [.. PageTasks.Admin];
            world.Pages.Add(page);
        }
        world.FindPage(SharedPageId)!.Roles[SamId] = [.. PageTasks.Admin];
        for (var i = 1; i <= KevinPageCount; i++)
        {
            world.FindPage(ShopPageId(i))!.Roles[KevinId] = [.. PageTasks.Admin];
        }

        var partner = NewPage(PartnerPageId, "Demo Shop 加盟夥伴", appId);
        partner.Roles[DanaId] = [.. PageTasks.Editor];
        world.Pages.Add(partner);

        world.Businesses.Add(new SandboxBusiness { Id = TradingBusinessId, Name = "Demo Trading Co.", MemberIds = [DanaId] });
        var trading = NewPage(TradingPageId, "Demo Trading 官方旗艦店", appId);
        trading.BusinessId = TradingBusinessId;
        trading.Roles[DanaId] = [.. PageTasks.Admin];
        world.Pages.Add(trading);

        var samPage1 = NewPage(SamPage1Id, "Other Shop 旗艦店", appId);
        samPage1.Roles[SamId] = [.. PageTasks.Admin];
        world.Pages.Add(samPage1);
        var samPage2 = NewPage(SamPage2Id, "Other Shop outlet", appId);
        samPage2.Roles[SamId] = [.. PageTasks.Admin];
        world.Pages.Add(samPage2);

        world.OtherApps.Add(new SandboxApp { Id = OtherAppId, Name = "Another Inbox App" });
        world.OtherApps.Add(new SandboxApp { Id = PageInboxAppId, Name = "Meta Business Suite Inbox" });
        return world;
    }

    private static SandboxPage NewPage(string id, string name, string appId) =>
        new() { Id = id, Name = name, ReceiverAppId = appId };
}
