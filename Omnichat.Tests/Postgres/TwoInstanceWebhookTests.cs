using System.Collections.Concurrent;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Postgres;

/// <summary>
/// Two console instances on one PostgreSQL database behind a load balancer: webhooks posted to either are stored by
/// the one that got them and processed by whichever gets there first, each exactly once.
/// </summary>
public sealed class TwoInstanceWebhookTests
{
    private const int Webhooks = 400;
    private const int Senders = 8;

    [Fact]
    public async Task WebhooksSplitOverTwoInstances_EachBecomesOneMessage_ProcessedOnce()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        // No name lookups: B's own sandbox never issued the page's token, and they are not what is tested here.
        await using var a = await ConsoleServer.StartAsync(s => s.WithPostgres(database).With("CustomerProfiles:Enabled", "false"));
        await using var b = await ConsoleServer.StartAsync(s => s.WithPostgres(database).With("CustomerProfiles:Enabled", "false"));
        using var driver = new MessengerDriver(a);
        using var driverB = new MessengerDriver(b);
        await driver.ConnectAsync();

        var acknowledged = new ConcurrentBag<string>();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, Senders).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < Webhooks)
            {
                var mid = $"m_two_{n}";
                var json = WebhookJson.Single(MessengerDriver.Taipei,
                    WebhookJson.Message($"78100000000{n % 50:D5}", MessengerDriver.Taipei, mid, $"兩台 {n}", DateTimeOffset.UtcNow));
                using var response = await (n % 2 == 0 ? driver : driverB).PostWebhookAsync(json);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add(mid);
                }
            }
        }));
        acknowledged.Count.ShouldBe(Webhooks);

        await Eventually.TrueAsync(() => driver.QueryAsync(db => db.WebhookDeliveries.AllAsync(d => d.State != WebhookDeliveryState.Received)),
            TimeSpan.FromSeconds(60), "both instances worked off the backlog");
        var mids = await driver.QueryAsync(db => db.Messages.Where(m => m.Mid!.StartsWith("m_two_")).Select(m => m.Mid!).ToListAsync());
        mids.Count.ShouldBe(Webhooks);
        mids.Distinct().Count().ShouldBe(Webhooks, "no event reached the inbox twice");
        var deliveries = await driver.QueryAsync(db => db.WebhookDeliveries.Select(d => new { d.State, d.Attempts }).ToListAsync());
        deliveries.ShouldAllBe(d => d.State == WebhookDeliveryState.Processed && d.Attempts == 1,
            "each delivery was applied once, by one instance, without a collision with the other");
    }
}
