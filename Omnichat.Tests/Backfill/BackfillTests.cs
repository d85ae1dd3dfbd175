using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Backfill;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Backfill;

/// <summary>
/// Over HTTP with the sandbox: what customers wrote while the page was unsubscribed never comes by webhook, and the
/// back-fill that starts when the check subscribes again brings it into the inbox through the Conversations API.
/// </summary>
public sealed class BackfillTests : IAsyncLifetime
{
    private ConsoleServer server = default!;
    private MessengerDriver driver = default!;
    private static readonly string Taipei = MessengerDriver.Taipei;

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync(s => s.With("Backfill:PollInterval", "00:00:00.200"));
        driver = new MessengerDriver(server);
    }

    public async Task DisposeAsync()
    {
        driver.Dispose();
        await server.DisposeAsync();
    }

    private async Task WriteAsync(string psid, string text) =>
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid, text });

    /// <summary>Waits until the sandbox settled every webhook it queued (delivered or, unsubscribed, dropped).</summary>
    private async Task SettledAsync(int deliveries) =>
        await Eventually.TrueAsync(async () => (await driver.Sandbox.StateAsync()).GetProperty("webhookDeliveries").GetArrayLength() >= deliveries,
            TimeSpan.FromSeconds(15), $"{deliveries} webhooks settled in the sandbox");

    /// <summary>
    /// Connects, lets the second of the connection pass (a gap starting then begins at the next whole second, Graph's
    /// precision) and drops the subscription as Meta does after an hour of failed webhooks.
    /// </summary>
    private async Task ConnectAndDropAsync()
    {
        await driver.ConnectAsync();
        await Task.Delay(1100);
        await driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");
    }

    private Task<CheckRunSummary> CheckAsync() => driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

    private async Task<EventGap> BackfilledAsync()
    {
        await driver.EventuallyAsync(db => db.EventGaps.AnyAsync(g => g.Backfill == BackfillState.Done || g.Backfill == BackfillState.Failed), "the back-fill ended");
        return await driver.QueryAsync(db => db.EventGaps.SingleAsync());
    }

    private async Task<JsonElement> UsageAsync() =>
        (await driver.Sandbox.StateAsync()).GetProperty("conversationsApi").GetProperty(Taipei);

    [Fact]
    public async Task Unsubscribed_FiveMessages_CheckResubscribesAndAllFiveArriveOnceMarkedRecovered()
    {
        await ConnectAndDropAsync();
        for (var i = 0; i < 5; i++)
        {
            await WriteAsync(i % 2 == 0 ? "7300000000000001" : "7300000000000002", $"while unsubscribed {i}");
        }
        await SettledAsync(5);
        (await driver.QueryAsync(db => db.Messages.CountAsync())).ShouldBe(0, "nothing came by webhook");

        (await CheckAsync()).Repaired.ShouldBe(1);
        var gap = await BackfilledAsync();

        gap.Backfill.ShouldBe(BackfillState.Done);
        gap.Recovered.ShouldBe(5);
        gap.Unrecoverable.ShouldBe(0);
        var messages = await driver.QueryAsync(db => db.Messages.OrderBy(m => m.At).ToListAsync());
        messages.Select(m => m.Text).ShouldBe(Enumerable.Range(0, 5).Select(i => $"while unsubscribed {i}"), ignoreOrder: true);
        messages.ShouldAllBe(m => m.Recovered && m.Direction == MessageDirection.Inbound);
        var conversations = await driver.QueryAsync(db => db.Conversations.ToListAsync());
        conversations.Count.ShouldBe(2);
        conversations.ShouldAllBe(c => c.UnreadCount > 0);
        var usage = await UsageAsync();
        usage.GetProperty("refused").GetInt32().ShouldBe(0);
        usage.GetProperty("mostInOneSecond").GetInt32().ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task Unsubscribed_MessagesWrittenInTheSameSecond_KeepTheOrderTheyWereWrittenIn()
    {
        await ConnectAndDropAsync();
        // Written back to back: several share a second, all Graph's times tell.
        var texts = Enumerable.Range(1, 6).Select(i => $"in a row {i}").ToList();
        foreach (var text in texts)
        {
            await WriteAsync("7300000000000007", text);
        }
        await SettledAsync(texts.Count);

        await CheckAsync();
        (await BackfilledAsync()).Recovered.ShouldBe(texts.Count);

        var seconds = await driver.QueryAsync(db => db.Messages.Select(m => m.At).ToListAsync());
        seconds.Select(at => at.ToUnixTimeSeconds()).Distinct().Count().ShouldBeLessThan(texts.Count, "some messages share a second, or this test tells nothing");
        (await driver.QueryAsync(db => db.Messages.OrderBy(m => m.At).Select(m => m.Text!).ToListAsync())).ShouldBe(texts);
    }

    [Fact]
    public async Task Recovered_SameMessageLaterByWebhook_IsNotDoubled()
    {
        await ConnectAndDropAsync();
        await WriteAsync("7300000000000003", "said once");
        await SettledAsync(1);
        await CheckAsync();
        await BackfilledAsync();
        var mid = await driver.QueryAsync(db => db.Messages.Select(m => m.Mid!).SingleAsync());

        var late = "{\"object\":\"page\",\"entry\":[{\"id\":\"" + Taipei + "\",\"time\":1,\"messaging\":[{\"sender\":{\"id\":\"7300000000000003\"},"
            + "\"recipient\":{\"id\":\"" + Taipei + "\"},\"timestamp\":" + DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()
            + ",\"message\":{\"mid\":\"" + mid + "\",\"text\":\"said once\"}}]}]}";
        (await driver.PostWebhookAsync(late)).EnsureSuccessStatusCode();
        await driver.AllProcessedAsync();

        (await driver.QueryAsync(db => db.Messages.CountAsync())).ShouldBe(1);
    }

    [Fact]
    public async Task ThirtyMessagesInTheGap_TwentyImportedTenReported()
    {
        await ConnectAndDropAsync();
        for (var i = 0; i < 30; i++)
        {
            await WriteAsync("7300000000000004", $"burst {i}");
        }
        await SettledAsync(30);

        await CheckAsync();
        var gap = await BackfilledAsync();

        gap.Recovered.ShouldBe(20);
        gap.Unrecoverable.ShouldBe(10);
        var texts = await driver.QueryAsync(db => db.Messages.Select(m => m.Text!).ToListAsync());
        texts.ShouldBe(Enumerable.Range(10, 20).Select(i => $"burst {i}"), ignoreOrder: true, "the 20 most recent are the ones Meta details");
        (await UsageAsync()).GetProperty("refused").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task MessagesFromBeforeThePageWasConnected_AreNeverImported()
    {
        await WriteAsync("7300000000000005", "before we were connected");
        await WriteAsync("7300000000000005", "still before");
        await SettledAsync(2);
        await Task.Delay(1100);
        await ConnectAndDropAsync();
        await WriteAsync("7300000000000005", "in the gap");
        await SettledAsync(3);

        await CheckAsync();
        var gap = await BackfilledAsync();

        gap.Recovered.ShouldBe(1);
        (await driver.QueryAsync(db => db.Messages.Select(m => m.Text).ToListAsync())).ShouldBe(["in the gap"]);
    }

    [Fact]
    public async Task SupportRequest_WindowReachingBeforeTheConnection_ImportsOnlyWhatTheInboxLacksSinceTheConnection()
    {
        await WriteAsync("7300000000000006", "before we were connected");
        await SettledAsync(1);
        await Task.Delay(1100);
        var connectionId = await driver.ConnectAsync();
        await Task.Delay(1100);
        await WriteAsync("7300000000000006", "came by webhook");
        await driver.EventuallyAsync(db => db.Messages.AnyAsync(), "the webhook reached the inbox");
        await driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");
        await WriteAsync("7300000000000006", "missed");
        await SettledAsync(3);
        var support = await new Omnichat.Tests.Channels.ConsentDriver(server).CallerAsync("support@demo.local");

        var outcome = await driver.Service<BackfillService>().RequestAsync(support, connectionId,
            DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, CancellationToken.None);
        var gap = await BackfilledAsync();

        outcome.Kind.ShouldBe(BackfillRequestKind.Queued);
        var connectedAt = await driver.QueryAsync(db => db.PageConnections.Select(c => c.ConnectedAt).SingleAsync());
        gap.StartedAt.ShouldBe(connectedAt, "never before the page was connected");
        gap.Cause.ShouldBe(GapCause.SupportRequest);
        gap.Recovered.ShouldBe(1);
        var messages = await driver.QueryAsync(db => db.Messages.OrderBy(m => m.At).Select(m => new { m.Text, m.Recovered }).ToListAsync());
        // Graph's times are whole seconds, so within one second the recovered one may sort first: order is not the point here.
        messages.Select(m => (m.Text, m.Recovered)).ShouldBe([("came by webhook", false), ("missed", true)], ignoreOrder: true);
    }
}
