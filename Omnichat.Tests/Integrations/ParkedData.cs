using System.Text.Json.Nodes;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;
using Omnichat.Core.Teams;
using Omnichat.Tests.Components;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Integrations;

/// <summary>
/// Kept-aside events for the query and component tests. A page no team ever connected; and a shared page that Demo
/// Shop connected and disconnected, then Other Shop connected, disconnected, connected again (reusing its row, so
/// only the audit events remember the first time) and disconnected. Each stretch without a connection got events.
/// </summary>
internal static class ParkedData
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid OtherShopId = Guid.Parse("0b6c5d1e-2f3a-4b5c-8d7e-9f0a1b2c3d4e");
    public static readonly Guid DemoConnectionId = Guid.Parse("30000000-0000-0000-0000-000000000001");
    public static readonly Guid OtherConnectionId = Guid.Parse("30000000-0000-0000-0000-000000000002");
    public static readonly Guid LiveConnectionId = Guid.Parse("30000000-0000-0000-0000-000000000003");
    public const string OtherShop = "Other Shop";
    public const string NeverPageId = "300100000000001";
    public const string SharedPageId = "300100000000002";
    public const string LivePageId = "300100000000003";
    public const string SharedPageName = "Demo Shop 台北店";
    public const string SharedPageNameLater = "台北店 (Other Shop)";
    public const string Psid = "7300000000000001";
    public const string SecondPsid = "7300000000000002";

    public static readonly Caller OtherAdmin = new("user-other", "Other admin", OtherShopId, IsTeamAdmin: true, IsSupport: false);

    // Demo Shop: connected 10 days ago, disconnected 5 days ago. Other Shop: connected 2 days ago, disconnected 36 hours
    // ago, connected again a day ago, disconnected 20 hours ago.
    public static readonly DateTimeOffset DemoConnected = Now.AddDays(-10);
    public static readonly DateTimeOffset DemoDisconnected = Now.AddDays(-5);
    public static readonly DateTimeOffset OtherFirstConnected = Now.AddDays(-2);
    public static readonly DateTimeOffset OtherFirstDisconnected = Now.AddHours(-36);
    public static readonly DateTimeOffset OtherConnectedAgain = Now.AddDays(-1);
    public static readonly DateTimeOffset OtherDisconnected = Now.AddHours(-20);

    public static void Seed(OmnichatDbContext db)
    {
        db.Teams.Add(new Team { Id = TestCallers.DemoShopId, Name = TestCallers.DemoShop });
        db.Teams.Add(new Team { Id = OtherShopId, Name = OtherShop });

        db.PageConnections.Add(Connection(DemoConnectionId, TestCallers.DemoShopId, SharedPageId, SharedPageName, DemoConnected, DemoDisconnected));
        db.PageConnections.Add(Connection(OtherConnectionId, OtherShopId, SharedPageId, SharedPageNameLater, OtherConnectedAgain, OtherDisconnected));
        db.PageConnections.Add(Connection(LiveConnectionId, TestCallers.DemoShopId, LivePageId, "Demo Shop 旗艦店", DemoConnected, null));
        Audit(db, DemoConnectionId, TestCallers.DemoShopId, ConnectionEventKind.Connected, DemoConnected);
        Audit(db, DemoConnectionId, TestCallers.DemoShopId, ConnectionEventKind.Disconnected, DemoDisconnected);
        Audit(db, OtherConnectionId, OtherShopId, ConnectionEventKind.Connected, OtherFirstConnected);
        Audit(db, OtherConnectionId, OtherShopId, ConnectionEventKind.Disconnected, OtherFirstDisconnected);
        Audit(db, OtherConnectionId, OtherShopId, ConnectionEventKind.Connected, OtherConnectedAgain);
        Audit(db, OtherConnectionId, OtherShopId, ConnectionEventKind.Disconnected, OtherDisconnected);

        // Never connected: three events, one under standby.
        Park(db, NeverPageId, ParkedReason.UnknownPage, Now.AddDays(-3), WebhookJson.Message(Psid, NeverPageId, "m_n1", "請問有營業嗎？", Now.AddDays(-3)));
        Park(db, NeverPageId, ParkedReason.UnknownPage, Now.AddDays(-2), Attachments(Psid, NeverPageId, "m_n2", Now.AddDays(-2), "image", "video"), standby: true);
        Park(db, NeverPageId, ParkedReason.UnknownPage, Now.AddHours(-1), Postback(SecondPsid, NeverPageId, "開始使用", Now.AddHours(-1)));

        // The shared page before anyone connected it.
        Park(db, SharedPageId, ParkedReason.UnknownPage, Now.AddDays(-11), WebhookJson.Message(Psid, SharedPageId, "m_s0", "before anyone", Now.AddDays(-11)));
        // Sent just before Demo Shop disconnected, kept aside because it was processed after: not "after the disconnection".
        Park(db, SharedPageId, ParkedReason.Disconnected, DemoDisconnected.AddMinutes(-1),
            WebhookJson.Message(Psid, SharedPageId, "m_s1", "processed late", DemoDisconnected.AddMinutes(-1)));
        // Between Demo Shop's disconnection and Other Shop's first connection: one customer message, an echo, receipts.
        Park(db, SharedPageId, ParkedReason.Disconnected, Now.AddDays(-4), WebhookJson.Message(Psid, SharedPageId, "m_s2", "還在嗎？", Now.AddDays(-4)));
        Park(db, SharedPageId, ParkedReason.Disconnected, Now.AddDays(-4).AddHours(1),
            WebhookJson.Echo(SharedPageId, Psid, "m_s3", "typed in Business Suite", WebhookEventApplier.PageInboxAppId, Now.AddDays(-4).AddHours(1)));
        Park(db, SharedPageId, ParkedReason.Disconnected, Now.AddDays(-3), Receipt("delivery", SharedPageId, Psid, Now.AddDays(-3)));
        Park(db, SharedPageId, ParkedReason.Disconnected, Now.AddDays(-3).AddHours(1), Receipt("read", SharedPageId, Psid, Now.AddDays(-3).AddHours(1)));
        // Between Other Shop's first disconnection and its second connection: Other Shop's, not Demo Shop's.
        Park(db, SharedPageId, ParkedReason.Disconnected, Now.AddHours(-30), WebhookJson.Message(SecondPsid, SharedPageId, "m_s4", "other shop gap", Now.AddHours(-30)));
        // After Other Shop's last disconnection.
        Park(db, SharedPageId, ParkedReason.Disconnected, Now.AddHours(-12), WebhookJson.Message(SecondPsid, SharedPageId, "m_s5", "hello again", Now.AddHours(-12)));
        Park(db, SharedPageId, ParkedReason.Disconnected, Now.AddHours(-6), Postback(SecondPsid, SharedPageId, "查詢訂單", Now.AddHours(-6)));
    }

    /// <summary>A page no team knows, with one message at <paramref name="at"/>, for paging tests.</summary>
    /// <summary>A team's Facebook authorization that saw <paramref name="pageId"/> as <paramref name="name"/>, without connecting it.</summary>
    public static void Authorize(OmnichatDbContext db, Guid teamId, string pageId, string name, DateTimeOffset refreshedAt)
    {
        var grant = new FacebookGrant
        {
            TeamId = teamId, FacebookUserId = $"fb-{Guid.NewGuid():N}", FacebookUserName = "Dana Chen", ProtectedUserToken = "",
            CreatedAt = refreshedAt, UpdatedAt = refreshedAt,
        };
        db.FacebookGrants.Add(grant);
        db.AuthorizedPages.Add(new AuthorizedPage { GrantId = grant.Id, TeamId = teamId, PageId = pageId, Name = name, IsGranted = true, RefreshedAt = refreshedAt });
    }

    public static void ParkOne(OmnichatDbContext db, string pageId, DateTimeOffset at) =>
        Park(db, pageId, ParkedReason.UnknownPage, at, WebhookJson.Message(Psid, pageId, $"m_{pageId}_{at.Ticks}", "hi", at));

    public static void Park(OmnichatDbContext db, string pageId, ParkedReason reason, DateTimeOffset at, JsonObject e, bool standby = false) =>
        db.ParkedEvents.Add(new ParkedEvent
        {
            DeliveryId = 1,
            PageId = pageId,
            Reason = reason,
            Field = standby ? "standby" : "messaging",
            EventJson = e.ToJsonString(),
            EventAt = at,
            ParkedAt = at.AddSeconds(1),
        });

    public static JsonObject Attachments(string psid, string pageId, string mid, DateTimeOffset at, params string[] types) => new()
    {
        ["sender"] = new JsonObject { ["id"] = psid },
        ["recipient"] = new JsonObject { ["id"] = pageId },
        ["timestamp"] = WebhookJson.Ms(at),
        ["message"] = new JsonObject
        {
            ["mid"] = mid,
            ["attachments"] = new JsonArray([.. types.Select(t => (JsonNode)new JsonObject
            {
                ["type"] = t,
                ["payload"] = new JsonObject { ["url"] = $"https://example.invalid/{t}" },
            })]),
        },
    };

    public static JsonObject Postback(string psid, string pageId, string title, DateTimeOffset at) => new()
    {
        ["sender"] = new JsonObject { ["id"] = psid },
        ["recipient"] = new JsonObject { ["id"] = pageId },
        ["timestamp"] = WebhookJson.Ms(at),
        ["postback"] = new JsonObject { ["title"] = title, ["payload"] = "GET_STARTED", ["mid"] = $"m_pb_{WebhookJson.Ms(at)}" },
    };

    /// <summary>A delivery or read receipt: the customer's Messenger telling the page its messages arrived or were seen.</summary>
    public static JsonObject Receipt(string field, string pageId, string psid, DateTimeOffset at) => new()
    {
        ["sender"] = new JsonObject { ["id"] = psid },
        ["recipient"] = new JsonObject { ["id"] = pageId },
        ["timestamp"] = WebhookJson.Ms(at),
        [field] = new JsonObject { ["watermark"] = WebhookJson.Ms(at) },
    };

    private static void Audit(OmnichatDbContext db, Guid connectionId, Guid teamId, ConnectionEventKind kind, DateTimeOffset at) =>
        db.ConnectionEvents.Add(new ConnectionEvent { ConnectionId = connectionId, TeamId = teamId, Kind = kind, At = at, ActorName = "admin" });

    private static PageConnection Connection(Guid id, Guid teamId, string pageId, string name, DateTimeOffset connectedAt, DateTimeOffset? disconnectedAt) => new()
    {
        Id = id,
        TeamId = teamId,
        PageId = pageId,
        PageName = name,
        Status = disconnectedAt is null ? ConnectionStatus.Healthy : ConnectionStatus.Disconnected,
        StatusChangedAt = disconnectedAt ?? connectedAt,
        ConnectedAt = connectedAt,
        ConnectedByName = "admin",
        DisconnectedAt = disconnectedAt,
        DisconnectedByName = disconnectedAt is null ? null : "admin",
        ProtectedPageToken = disconnectedAt is null ? "protected" : null,
    };
}
