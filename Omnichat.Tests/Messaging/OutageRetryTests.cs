using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;
using Omnichat.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Omnichat.Tests.Messaging;

/// <summary>
/// Meta keeps what a customer sends while the console is down and retries until it answers 200. With the sandbox in a
/// process of its own (as Meta is), the console is killed, customers go on writing, and after the restart every one of
/// those messages reaches the inbox, once, through the sandbox's retries: no test code replays anything.
/// </summary>
public sealed class OutageRetryTests(ITestOutputHelper output)
{
    private const int Before = 3;
    private const int During = 12;

    [Fact]
    public async Task ConsoleKilled_MessagesSentMeanwhileArriveOnceAfterTheRestart()
    {
        var dataFolder = Directory.CreateTempSubdirectory("omnichat-outage-").FullName;
        try
        {
            // Set up with the in-process console: connect the page, then hand its files to the two processes.
            await using (var setup = await ConsoleServer.StartAsync())
            {
                using var driver = new MessengerDriver(setup);
                await driver.ConnectAsync();
                await driver.QueryAsync(db => db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"));
                File.Copy(setup.DatabasePath, Path.Combine(dataFolder, "omnichat.db"));
                File.Copy(Path.Combine(setup.DataFolder, "sandbox.json"), Path.Combine(dataFolder, "sandbox.json"));
            }
            var consoleAddress = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
            var sandboxAddress = new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
            var consoleSettings = new Dictionary<string, string> { ["Sandbox__Url"] = sandboxAddress.ToString() };
            using var sandbox = await ConsoleProcess.StartSandboxAsync(sandboxAddress, consoleAddress, Path.Combine(dataFolder, "sandbox.json"),
                new Dictionary<string, string> { ["Sandbox__WebhookRetryMaxDelayMs"] = "1000" });
            using var control = new HttpClient { BaseAddress = new Uri(sandboxAddress, "sandbox/api/"), Timeout = TimeSpan.FromSeconds(10) };
            var database = $"Data Source={Path.Combine(dataFolder, "omnichat.db")}";

            var first = await ConsoleProcess.StartAsync(consoleAddress, dataFolder, consoleSettings);
            try
            {
                await SendAsync(control, "before", Before);
                await InboxHoldsAsync(database, "before", Before, first);
            }
            finally
            {
                first.Kill();
                first.Dispose();
            }

            // The console is gone: the sandbox takes the messages and retries each first delivery while nothing answers.
            await SendAsync(control, "during", During);
            await Eventually.TrueAsync(async () => (await FailedAttemptsAsync(control)) > 0, TimeSpan.FromSeconds(20),
                "the sandbox tried to deliver while the console was down");

            using var second = await ConsoleProcess.StartAsync(consoleAddress, dataFolder, consoleSettings);
            await InboxHoldsAsync(database, "during", During, second);

            await using var db = OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, database);
            var texts = await db.Messages.Where(m => m.Text != null).Select(m => m.Text!).ToListAsync();
            texts.GroupBy(t => t).ShouldAllBe(g => g.Count() == 1, "no message reaches the inbox twice");
            texts.Count.ShouldBe(Before + During);
            var deliveries = (await StateAsync(control)).GetProperty("webhookDeliveries").EnumerateArray().ToList();
            output.WriteLine($"sandbox deliveries: {string.Join(", ", deliveries.Select(d => $"{d.GetProperty("outcome")}/{d.GetProperty("attempts")}"))}");
            deliveries.ShouldAllBe(d => d.GetProperty("outcome").GetString() == "delivered");
            deliveries.Max(d => d.GetProperty("attempts").GetInt32()).ShouldBeGreaterThan(1, "the outage was bridged by retries");
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

    private static async Task SendAsync(HttpClient control, string label, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await control.PostAsJsonAsync($"pages/{MessengerDriver.Taipei}/customer-messages",
                new { psid = $"79000000000{i:D5}", text = $"{label} {i}" });
            response.EnsureSuccessStatusCode();
        }
    }

    private static async Task InboxHoldsAsync(string database, string label, int count, ConsoleProcess console)
    {
        var arrived = 0;
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                await using var db = OmnichatDatabase.CreateContext(DatabaseProvider.Sqlite, database);
                arrived = await db.Messages.CountAsync(m => m.Text != null && m.Text.StartsWith(label + " "));
                return arrived >= count;
            }, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{arrived} of {count} '{label}' messages reached the inbox:\n{console.Output}");
        }
    }

    private static async Task<int> FailedAttemptsAsync(HttpClient control) =>
        (await StateAsync(control)).GetProperty("pages").EnumerateArray()
            .Count(p => p.TryGetProperty("webhookFailingSince", out var since) && since.ValueKind == JsonValueKind.String);

    private static async Task<JsonElement> StateAsync(HttpClient control) =>
        JsonDocument.Parse(await control.GetStringAsync("state")).RootElement.Clone();
}
