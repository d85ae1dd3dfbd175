using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Omnichat.Tests.Messaging;

/// <summary>
/// Nothing a customer sends may be lost: while signed webhooks stream in, the console process is killed (not stopped),
/// started again on the same database, and every event that got a 200 must be stored and processed exactly once.
/// The sender is this test, outside the killed process, playing Meta.
/// </summary>
public sealed class DurabilityKillTests(ITestOutputHelper output)
{
    private const int Senders = 8;

    [Fact]
    public async Task KilledWhileReceiving_EveryAcknowledgedEventIsStoredAndProcessedExactlyOnce()
    {
        var dataFolder = Directory.CreateTempSubdirectory("omnichat-kill-").FullName;
        try
        {
            string appSecret;
            // Set up with the in-process console: connect the page, then hand its files to the real process.
            await using (var setup = await ConsoleServer.StartAsync())
            {
                using var driver = new MessengerDriver(setup);
                await driver.ConnectAsync();
                appSecret = driver.AppSecret;
                await driver.QueryAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
                File.Copy(setup.DatabasePath, Path.Combine(dataFolder, "omnichat.db"));
                File.Copy(Path.Combine(setup.DataFolder, "sandbox.json"), Path.Combine(dataFolder, "sandbox.json"));
            }
            var baseAddress = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
            var acknowledged = new ConcurrentBag<string>();
            var attempted = 0;

            using (var first = await ConsoleProcess.StartAsync(baseAddress, dataFolder))
            {
                using var stop = new CancellationTokenSource();
                var senders = Enumerable.Range(0, Senders).Select(n => SendUntilStoppedAsync(baseAddress, appSecret, n, acknowledged, () => Interlocked.Increment(ref attempted), stop.Token)).ToList();
                // Let a good stream build up, then pull the plug in the middle of it.
                var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
                while (acknowledged.Count < 400 && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(20);
                }
                first.Kill();
                await Task.Delay(300);
                await stop.CancelAsync();
                await Task.WhenAll(senders);
            }
            acknowledged.Count.ShouldBeGreaterThan(100, "the stream was running when the process was killed");

            using (var second = await ConsoleProcess.StartAsync(baseAddress, dataFolder))
            {
                var database = $"Data Source={Path.Combine(dataFolder, "omnichat.db")}";
                var waitUntil = DateTime.UtcNow + TimeSpan.FromSeconds(60);
                while (true)
                {
                    await using var db = OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, database);
                    if (!await db.WebhookDeliveries.AnyAsync(d => d.State == WebhookDeliveryState.Received) || DateTime.UtcNow > waitUntil)
                    {
                        break;
                    }
                    await Task.Delay(100);
                }

                await using var check = OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, database);
                var mids = await check.Messages.Where(m => m.Mid != null).Select(m => m.Mid!).ToListAsync();
                var counts = mids.GroupBy(m => m).ToDictionary(g => g.Key, g => g.Count());
                var lost = acknowledged.Where(m => !counts.ContainsKey(m)).ToList();
                lost.ShouldBeEmpty($"{lost.Count} of {acknowledged.Count} acknowledged events were lost");
                counts.Values.ShouldAllBe(c => c == 1, "no event is processed twice");
                var deliveries = await check.WebhookDeliveries.ToListAsync();
                deliveries.ShouldAllBe(d => d.State == WebhookDeliveryState.Processed && d.Attempts == 1,
                    "each stored delivery was applied once: a transaction cut by the kill left no trace");
                deliveries.Count.ShouldBeGreaterThanOrEqualTo(acknowledged.Count);
                output.WriteLine($"attempted {attempted}, acknowledged {acknowledged.Count}, stored {deliveries.Count}, messages {mids.Count}");
                mids.Count.ShouldBeLessThanOrEqualTo(attempted);
                SqliteConnection.ClearAllPools();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // The temp folder is cleaned by the OS.
            }
        }
    }

    private static async Task SendUntilStoppedAsync(Uri baseAddress, string appSecret, int sender, ConcurrentBag<string> acknowledged,
        Func<int> countAttempt, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var mid = $"m_kill_{sender}_{i}";
            var psid = $"78000000000{sender:D5}";
            var json = WebhookJson.Single(MessengerDriver.Taipei, WebhookJson.Message(psid, MessengerDriver.Taipei, mid, $"事件 {i}", DateTimeOffset.UtcNow));
            var body = Encoding.UTF8.GetBytes(json);
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/facebook") { Content = content };
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, WebhookSignature.Sign(body, appSecret));
            countAttempt();
            try
            {
                using var response = await http.SendAsync(request, CancellationToken.None);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    acknowledged.Add(mid);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // The process is gone: no 200, so Meta would send this one again; nothing is promised for it.
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }
}
