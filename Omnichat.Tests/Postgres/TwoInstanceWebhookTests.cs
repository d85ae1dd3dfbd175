using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox;
using Omnichat.Core.Facebook;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Postgres;

/// <summary>
/// Two console processes on one PostgreSQL database behind a load balancer: webhooks posted alternately to each are
/// stored by the one that got them and processed by whichever gets there first, each exactly once.
/// </summary>
public sealed class TwoInstanceWebhookTests
{
    private const int Webhooks = 2000;
    private const int Senders = 8;

    [Fact]
    public async Task WebhooksSplitOverTwoInstances_EachBecomesOneMessage_ProcessedOnce()
    {
        var database = PostgresServer.Shared.CreateDatabase();
        await using (var setup = await ConsoleServer.StartAsync(s => s.WithPostgres(database)))
        {
            using var driver = new MessengerDriver(setup);
            await driver.ConnectAsync();
        }
        // No name lookups: the processes' own sandboxes never issued the page's token, and they are not what is tested here.
        using var pair = await ConsolePair.StartAsync(database, new Dictionary<string, string> { ["CustomerProfiles__Enabled"] = "false" });
        using var a = new HttpClient { BaseAddress = pair.AddressA, Timeout = TimeSpan.FromSeconds(30) };
        using var b = new HttpClient { BaseAddress = pair.AddressB, Timeout = TimeSpan.FromSeconds(30) };

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
                // As Meta does: a 503 (the store took too long on a busy machine) is sent again, to the same instance.
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    using var response = await PostSignedAsync(n % 2 == 0 ? a : b, json);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged.Add(mid);
                        break;
                    }
                    response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
                    await Task.Delay(200 * (attempt + 1));
                }
            }
        }));
        acknowledged.Count.ShouldBe(Webhooks);

        await using var db = pair.Database();
        await Eventually.TrueAsync(() => db.WebhookDeliveries.AllAsync(d => d.State != WebhookDeliveryState.Received),
            TimeSpan.FromSeconds(120), "both instances worked off the backlog");
        var mids = await db.Messages.Where(m => m.Mid!.StartsWith("m_two_")).Select(m => m.Mid!).ToListAsync();
        mids.Count.ShouldBe(Webhooks);
        mids.Distinct().Count().ShouldBe(Webhooks, "no event reached the inbox twice");
        var deliveries = await db.WebhookDeliveries.Select(d => new { d.State, d.Attempts }).ToListAsync();
        deliveries.ShouldAllBe(d => d.State == WebhookDeliveryState.Processed && d.Attempts == 1,
            "each delivery was applied once, by one instance, without a collision with the other");
    }

    private static async Task<HttpResponseMessage> PostSignedAsync(HttpClient console, string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/facebook") { Content = content };
        request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, SandboxCredentials.AppSecret));
        return await console.SendAsync(request);
    }
}
