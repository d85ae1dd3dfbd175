using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Omnichat.Core.Backfill;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Backfill;

/// <summary>
/// The webhook endpoint refused deliveries (503) while its database was held by another process: once it stores one
/// again, the refusal window is a gap, and the back-fill brings what Meta never delivered into the inbox.
/// </summary>
public sealed class IntakeRefusalGapTests
{
    private static readonly string Taipei = MessengerDriver.Taipei;

    [Fact]
    public async Task Refused_ThenStoredAgain_RecordsAGapAndTheBackfillRecoversWhatWasNeverDelivered()
    {
        // The sandbox's own deliveries go nowhere: the customer's message is in its conversations, never in a webhook,
        // as when Meta gave up retrying what the console refused.
        await using var server = await ConsoleServer.StartAsync(s => s
            .With("Backfill:PollInterval", "00:00:00.200")
            .With("Webhooks:StoreTimeout", "00:00:01")
            .With("Sandbox:WebhookUrl", $"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/webhooks/facebook"));
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        // A gap clipped to the connection starts at the next whole second, Graph's precision.
        await Task.Delay(1100);
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = "7300000000000021", text = "拒收時寫的" });

        var beforeRefusal = DateTimeOffset.UtcNow;
        await using (await LockExclusivelyAsync(server))
        {
            using var refused = await driver.PostWebhookAsync(Body("m_refused"));
            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        (await driver.QueryAsync(db => db.EventGaps.CountAsync())).ShouldBe(0, "the window is open until a delivery is stored again");
        using (var stored = await driver.PostWebhookAsync(Body("m_after")))
        {
            stored.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await driver.EventuallyAsync(db => db.EventGaps.AnyAsync(g => g.Backfill == BackfillState.Done || g.Backfill == BackfillState.Failed), "the back-fill ended");
        var gap = await driver.QueryAsync(db => db.EventGaps.SingleAsync());
        gap.Cause.ShouldBe(GapCause.IntakeRefused);
        gap.StartedAt.ShouldBeLessThanOrEqualTo(beforeRefusal);
        gap.EndedAt.ShouldNotBeNull().ShouldBeGreaterThan(beforeRefusal);
        gap.Backfill.ShouldBe(BackfillState.Done);
        var recovered = await driver.QueryAsync(db => db.Messages.Where(m => m.Text == "拒收時寫的").ToListAsync());
        recovered.Count.ShouldBe(1);
        recovered[0].Recovered.ShouldBeTrue();
    }

    [Fact]
    public void Window_RefusalsThenAStore_IsOneWindowFromTheFirstRefusal_AndStoresAloneCloseNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        var window = new IntakeRefusalWindow(time);

        window.Stored();
        window.Refused();
        time.Advance(TimeSpan.FromMinutes(3));
        window.Refused();
        time.Advance(TimeSpan.FromMinutes(2));
        window.Stored();
        window.Stored();

        window.Closed.TryRead(out var closed).ShouldBeTrue();
        closed.ShouldBe((new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 12, 2, 10, 5, 0, TimeSpan.Zero)));
        window.Closed.TryRead(out _).ShouldBeFalse("one window, however many stores follow");
    }

    private static string Body(string mid) =>
        WebhookJson.Single(Taipei, WebhookJson.Message("7300000000000022", Taipei, mid, mid, DateTimeOffset.UtcNow));

    /// <summary>Another process's write lock on the console's database file, held until disposed.</summary>
    private static async Task<IAsyncDisposable> LockExclusivelyAsync(ConsoleServer server)
    {
        var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE";
        await command.ExecuteNonQueryAsync();
        return new ExclusiveLock(connection);
    }

    private sealed class ExclusiveLock(SqliteConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "ROLLBACK";
                await command.ExecuteNonQueryAsync();
            }
            await connection.DisposeAsync();
        }
    }
}
