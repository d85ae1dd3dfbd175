using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Backfill;
using Omnichat.Core.Health;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Backfill;

/// <summary>
/// Closing a gap wakes the back-fill worker: what a page missed reaches the inbox within seconds of the check that
/// subscribed it again, not at the worker's next poll (10 minutes here, so only the wake-up can explain a quick one).
/// </summary>
public sealed class BackfillWakeTests : IAsyncLifetime
{
    private static readonly string Taipei = MessengerDriver.Taipei;
    private ConsoleServer server = default!;
    private MessengerDriver driver = default!;

    public async Task InitializeAsync()
    {
        server = await ConsoleServer.StartAsync(s => s.With("Backfill:PollInterval", "00:10:00"));
        driver = new MessengerDriver(server);
    }

    public async Task DisposeAsync()
    {
        driver.Dispose();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Check_ResubscribesThePage_BackfillStartsWithoutWaitingForThePoll()
    {
        await driver.ConnectAsync();
        // A gap starting at the connection begins at its next whole second (Graph's precision).
        await Task.Delay(1100);
        await driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{Taipei}/subscribed-apps");
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = "7300000000000011", text = "anyone there?" });
        await Eventually.TrueAsync(async () => (await driver.Sandbox.StateAsync()).GetProperty("webhookDeliveries").GetArrayLength() >= 1,
            TimeSpan.FromSeconds(15), "the webhook settled in the sandbox");

        (await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None)).Repaired.ShouldBe(1);

        // MessengerDriver's patience, 15 s: far below the poll.
        await driver.EventuallyAsync(db => db.EventGaps.AnyAsync(g => g.Backfill == BackfillState.Done), "the back-fill ended");
        (await driver.QueryAsync(db => db.Messages.Select(m => m.Text).ToListAsync())).ShouldBe(["anyone there?"]);
    }
}
