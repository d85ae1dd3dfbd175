using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Messaging;

/// <summary>The intake under concurrent load over real HTTP: every 200 is a stored row, and nothing it does to its own
/// connection leaks into the connections the rest of the console uses.</summary>
public sealed class WebhookIntakeTests : IAsyncLifetime
{
    private const string UnknownPage = "999000000000001";
    private ConsoleServer server = default!;
    private MessengerDriver driver = default!;

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync();
        driver = new MessengerDriver(server);
    }

    public async Task DisposeAsync()
    {
        driver.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentPosts_EveryAcknowledgedBodyIsStoredExactly_AndProcessed()
    {
        var bodies = Enumerable.Range(0, 300).Select(i => WebhookJson.Single(UnknownPage,
            WebhookJson.Message($"71000000000{i:D5}", UnknownPage, $"m_load_{i}", $"第 {i} 則", DateTimeOffset.UtcNow))).ToList();

        var answers = await Task.WhenAll(bodies.Select(async body =>
        {
            using var response = await driver.PostWebhookAsync(body);
            return response.StatusCode;
        }));

        answers.ShouldAllBe(status => status == HttpStatusCode.OK);
        var stored = await driver.QueryAsync(db => db.WebhookDeliveries.OrderBy(d => d.Id).Select(d => d.Body).ToListAsync());
        stored.Select(b => Encoding.UTF8.GetString(b)).Order().ShouldBe(bodies.Order());
        await driver.AllProcessedAsync();
        (await driver.QueryAsync(db => db.ParkedEvents.CountAsync(p => p.PageId == UnknownPage))).ShouldBe(300);
    }

    [Fact]
    public async Task AfterTheIntakeAndProcessorWrote_OtherConnectionsStillSyncEveryCommit()
    {
        var json = WebhookJson.Single(UnknownPage, WebhookJson.Message("7100000000000001", UnknownPage, "m_sync", "hi", DateTimeOffset.UtcNow));
        (await driver.PostWebhookAsync(json)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await driver.AllProcessedAsync();

        // Many contexts, so the pool hands out the connection the processor lowered to NORMAL at least once.
        for (var i = 0; i < 20; i++)
        {
            (await driver.QueryAsync(db => Scalar(db, "SELECT synchronous AS Value FROM pragma_synchronous"))).ShouldBe(2, "FULL");
            (await driver.QueryAsync(db => Scalar(db, "SELECT timeout AS Value FROM pragma_busy_timeout"))).ShouldBe(5000);
        }
    }

    private static async Task<long> Scalar(Core.Data.OmnichatDbContext db, string sql) =>
        await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
}
