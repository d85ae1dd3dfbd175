using System.Net;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Health;
using Omnichat.Core.Messaging;
using Omnichat.Core.Notifications;
using Omnichat.Core.Teams;
using Omnichat.Tests.Channels;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Isolation;

/// <summary>
/// Two teams with something of everything, built through the real console and its sandbox, for the isolation tests
/// to aim at. Demo Shop: a live page with a customer's conversation (unread) and a failed reply, a failing page (its
/// episode and e-mail), a disconnected page with an event kept aside after the disconnection, and an authorized page
/// nobody connected. Other Shop: a live page with a conversation of its own. Callers: both admins, Demo Shop's agent
/// and support staff. Background work has settled before any test reads it, so a snapshot taken by a test changes
/// only through what the test does.
/// </summary>
public sealed class IsolationWorld : IAsyncLifetime
{
    public const string DemoCustomerText = "DEMO-ONLY 請問這件還有貨嗎";
    public const string DemoFailedReplyText = "DEMO-ONLY 這則回覆沒送出";
    public const string DemoParkedText = "DEMO-ONLY 斷線後的訊息";
    public const string OtherCustomerText = "OTHER-ONLY 營業到幾點";
    public const string DemoPsid = "7400000000000101";
    public const string OtherPsid = "7400000000000202";

    public static readonly string DemoLivePage = DemoWorld.ShopPageId(1);
    public static readonly string DemoFailingPage = DemoWorld.ShopPageId(3);
    public static readonly string DemoGonePage = DemoWorld.ShopPageId(4);
    /// <summary>In Dana's grant, never connected.</summary>
    public static readonly string DemoSparePage = DemoWorld.ShopPageId(5);
    public static readonly string OtherLivePage = DemoWorld.SamPage1Id;

    private ConsentDriver consent = default!;
    private readonly Dictionary<string, HttpClient> clients = [];

    public ConsoleServer Server { get; private set; } = default!;
    public MessengerDriver Messenger { get; private set; } = default!;

    public Caller DemoAdmin { get; private set; } = default!;
    public Caller DemoAgent { get; private set; } = default!;
    public Caller Support { get; private set; } = default!;
    public Caller OtherAdmin { get; private set; } = default!;

    public Guid DemoTeamId => DemoAdmin.TeamId!.Value;
    public Guid OtherTeamId => OtherAdmin.TeamId!.Value;

    public Guid DemoLiveConnection { get; private set; }
    public Guid DemoFailingConnection { get; private set; }
    public Guid DemoGoneConnection { get; private set; }
    public Guid OtherLiveConnection { get; private set; }
    public Guid DemoConversation { get; private set; }
    public Guid OtherConversation { get; private set; }
    public Guid DemoFailedReply { get; private set; }

    /// <summary>Names and texts of Demo Shop that must never reach another team's page.</summary>
    public IReadOnlyList<string> DemoMarkers { get; private set; } = [];

    public ConsentDriver Consent => consent;

    public T Service<T>() where T : notnull => Messenger.Service<T>();

    public async Task InitializeAsync()
    {
        Server = await ConsoleServer.StartAsync();
        Messenger = new MessengerDriver(Server);
        consent = new ConsentDriver(Server);
        DemoAdmin = await consent.CallerAsync(DemoAccounts.Admin.Email);
        DemoAgent = await consent.CallerAsync(DemoAccounts.Agent.Email);
        Support = await consent.CallerAsync(DemoAccounts.Support.Email);
        OtherAdmin = await consent.CallerAsync(DemoAccounts.OtherAdmin.Email);

        await consent.ConsentAsync(DemoAdmin, DemoWorld.DanaId, "all");
        (await consent.ConnectAsync(DemoAdmin, DemoLivePage, DemoFailingPage, DemoGonePage)).ShouldAllBe(r => r.Failure == null);
        DemoLiveConnection = await ConnectionOfAsync(DemoLivePage, DemoTeamId);
        DemoFailingConnection = await ConnectionOfAsync(DemoFailingPage, DemoTeamId);
        DemoGoneConnection = await ConnectionOfAsync(DemoGonePage, DemoTeamId);

        // A customer writes to the live page; the first reply fails (the customer blocked the page), then they unblock it.
        await Messenger.Sandbox.PostJsonAsync($"pages/{DemoLivePage}/customer-messages", new { psid = DemoPsid, text = DemoCustomerText });
        await Messenger.EventuallyAsync(db => db.Conversations.AnyAsync(c => c.PageId == DemoLivePage), "Demo Shop's customer message arrives");
        DemoConversation = await Messenger.QueryAsync(db => db.Conversations.Where(c => c.PageId == DemoLivePage).Select(c => c.Id).SingleAsync());
        await Messenger.Sandbox.PutAsync($"pages/{DemoLivePage}/customers/{DemoPsid}", new { reachability = "blocked" });
        var failed = await Service<ReplyService>().SendAsync(DemoAdmin, DemoConversation, DemoFailedReplyText, CancellationToken.None);
        failed.Kind.ShouldBe(ReplyOutcomeKind.Failed);
        DemoFailedReply = failed.MessageId!.Value;
        await Messenger.Sandbox.PutAsync($"pages/{DemoLivePage}/customers/{DemoPsid}", new { reachability = "available" });
        // Answering marked the conversation read; the customer's next message makes it unread again.
        await Messenger.Sandbox.PostJsonAsync($"pages/{DemoLivePage}/customer-messages", new { psid = DemoPsid, text = DemoCustomerText + "?" });
        await Messenger.EventuallyAsync(db => db.Conversations.AnyAsync(c => c.Id == DemoConversation && c.UnreadCount == 1),
            "Demo Shop's customer writes again");

        // Dana loses full control of one page: its check fails, an episode starts and one e-mail is queued.
        await Messenger.Sandbox.PutAsync($"pages/{DemoFailingPage}/roles/{DemoWorld.DanaId}", new { tasks = new[] { "MESSAGING" } });
        (await Service<CheckNowService>().CheckConnectionAsync(DemoAdmin, DemoFailingConnection, CancellationToken.None)).ShouldNotBeNull();

        // One page is disconnected, and a message arrives after it: kept aside, not in any inbox.
        (await consent.DisconnectAsync(DemoAdmin, DemoGoneConnection)).ShouldBe(DisconnectOutcome.Disconnected);
        using (var parked = await Messenger.PostWebhookAsync(WebhookJson.Single(DemoGonePage,
            WebhookJson.Message(DemoPsid, DemoGonePage, "m_demo_gone", DemoParkedText, DateTimeOffset.UtcNow.AddSeconds(1)))))
        {
            parked.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await consent.ConsentAsync(OtherAdmin, DemoWorld.SamId, "all");
        (await consent.ConnectAsync(OtherAdmin, OtherLivePage)).Single().Failure.ShouldBeNull();
        OtherLiveConnection = await ConnectionOfAsync(OtherLivePage, OtherTeamId);
        await Messenger.Sandbox.PostJsonAsync($"pages/{OtherLivePage}/customer-messages", new { psid = OtherPsid, text = OtherCustomerText });
        await Messenger.EventuallyAsync(db => db.Conversations.AnyAsync(c => c.PageId == OtherLivePage), "Other Shop's customer message arrives");
        OtherConversation = await Messenger.QueryAsync(db => db.Conversations.Where(c => c.PageId == OtherLivePage).Select(c => c.Id).SingleAsync());

        await SettledAsync();
        // Not the live page's name: Sam Lin is an admin of it too, so Other Shop's tab rightly lists it as taken.
        var names = await Messenger.QueryAsync(db => db.PageConnections.Where(c => c.TeamId == DemoTeamId && c.PageId != DemoLivePage)
            .Select(c => c.PageName).ToListAsync());
        DemoMarkers = [.. names, DemoCustomerText, DemoFailedReplyText, DemoParkedText];
        await AssertWorldAsync();
    }

    /// <summary>Waits until nothing in the background is left to write: webhooks processed, names looked up, e-mail sent.</summary>
    public async Task SettledAsync()
    {
        await Messenger.AllProcessedAsync();
        await Messenger.EventuallyAsync(db => db.Conversations.AllAsync(c => c.CustomerProfileCheckedAt != null), "every customer's name is looked up");
        await Messenger.EventuallyAsync(db => db.OutboxEmails.AllAsync(m => m.State != EmailState.Pending), "the outbox is drained");
    }

    public Task<DatabaseSnapshot> SnapshotAsync() => DatabaseSnapshot.TakeAsync(Server.DatabasePath);

    /// <summary>
    /// Runs <paramref name="act"/> and fails, naming every row, if the database differs afterwards (background work
    /// is let settle first, so a change it would have made is seen too).
    /// </summary>
    public async Task ChangesNothingAsync(Func<Task> act, params string[] exceptTables)
    {
        var before = await SnapshotAsync();
        await act();
        await SettledAsync();
        var changes = before.ChangesTo(await SnapshotAsync(), exceptTables);
        changes.ShouldBeEmpty($"the refused call changed the database:\n{string.Join('\n', changes)}");
    }

    /// <summary>
    /// Like <see cref="ChangesNothingAsync"/>, for a call that may change its caller's own team (a check of its own
    /// pages): no row that mentions <paramref name="teamId"/> changes.
    /// </summary>
    public async Task ChangesNothingOfTeamAsync(Guid teamId, Func<Task> act)
    {
        var before = await SnapshotAsync();
        await act();
        await SettledAsync();
        var changes = before.ChangesTo(await SnapshotAsync(), mentioning: teamId.ToString());
        changes.ShouldBeEmpty($"the call changed another team's rows:\n{string.Join('\n', changes)}");
    }

    /// <summary>A client signed in through the real form as <paramref name="email"/>, kept for the whole world (signing in writes nothing a case compares).</summary>
    public async Task<HttpClient> ClientAsync(string email)
    {
        if (!clients.TryGetValue(email, out var client))
        {
            client = await Server.SignInAsync(email);
            clients[email] = client;
        }
        return client;
    }

    public async Task<int> SentMessagesAsync() => (await Messenger.Sandbox.StateAsync()).GetProperty("sentMessages").GetArrayLength();

    private Task<Guid> ConnectionOfAsync(string pageId, Guid teamId) =>
        Messenger.QueryAsync(db => db.PageConnections.Where(c => c.PageId == pageId && c.TeamId == teamId).Select(c => c.Id).SingleAsync());

    // The cases assert "refused" and "empty": they mean something only if the things they aim at are really there.
    private async Task AssertWorldAsync()
    {
        var statuses = await Messenger.QueryAsync(db => db.PageConnections.ToDictionaryAsync(c => c.Id, c => c.Status));
        statuses[DemoLiveConnection].ShouldBe(ConnectionStatus.Healthy);
        statuses[DemoFailingConnection].ShouldBe(ConnectionStatus.NotPageAdmin);
        statuses[DemoGoneConnection].ShouldBe(ConnectionStatus.Disconnected);
        statuses[OtherLiveConnection].ShouldBe(ConnectionStatus.Healthy);
        (await Messenger.QueryAsync(db => db.Conversations.SingleAsync(c => c.Id == DemoConversation))).UnreadCount.ShouldBe(1);
        (await Messenger.QueryAsync(db => db.Messages.SingleAsync(m => m.Id == DemoFailedReply))).DeliveryState.ShouldBe(DeliveryState.Failed);
        (await Messenger.QueryAsync(db => db.ParkedEvents.CountAsync(e => e.PageId == DemoGonePage))).ShouldBe(1);
        (await Messenger.QueryAsync(db => db.FailureEpisodes.CountAsync(e => e.ConnectionId == DemoFailingConnection && e.EmailId != null))).ShouldBe(1);
        (await Messenger.QueryAsync(db => db.AuthorizedPages.AnyAsync(p => p.TeamId == DemoTeamId && p.PageId == DemoSparePage && p.IsGranted))).ShouldBeTrue();
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        consent.Dispose();
        Messenger.Dispose();
        await Server.DisposeAsync();
    }
}
