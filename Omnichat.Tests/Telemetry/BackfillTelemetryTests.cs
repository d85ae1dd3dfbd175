using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Backfill;
using Omnichat.Core.Health;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Telemetry;

/// <summary>An operator sees what back-fills recovered without reading the timeline of every page.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class BackfillTelemetryTests
{
    [Fact]
    public async Task GapBackfilled_CountsTheRunAndTheMessagesRecovered()
    {
        await using var console = await TelemetryConsole.StartAsync(s => s.With("Backfill:PollInterval", "00:00:00.200"));
        using var driver = new MessengerDriver(console.Server);
        var taipei = MessengerDriver.Taipei;
        await driver.ConnectAsync();
        // A gap starting in the second of the connection begins at the next whole second (Graph's precision).
        await Task.Delay(1100);
        await driver.Sandbox.SendAsync(HttpMethod.Delete, $"pages/{taipei}/subscribed-apps");
        for (var i = 0; i < 3; i++)
        {
            await driver.Sandbox.PostJsonAsync($"pages/{taipei}/customer-messages", new { psid = "7300000000000009", text = $"while unsubscribed {i}" });
        }
        await Eventually.TrueAsync(async () => (await driver.Sandbox.StateAsync()).GetProperty("webhookDeliveries").GetArrayLength() >= 3,
            TimeSpan.FromSeconds(15), "the sandbox settled its webhooks");

        await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);
        await driver.EventuallyAsync(db => db.EventGaps.AnyAsync(g => g.Backfill == BackfillState.Done), "the back-fill ended");

        await Eventually.TrueAsync(() => console.Points("omnichat.backfill.runs").Any(), TimeSpan.FromSeconds(10), "the run is counted");
        console.Points("omnichat.backfill.runs").ShouldHaveSingleItem().Labels["backfill.outcome"].ShouldBe("done");
        var messages = console.Points("omnichat.backfill.messages").ShouldHaveSingleItem();
        messages.Labels["backfill.result"].ShouldBe("recovered");
        messages.Point.GetSumLong().ShouldBe(3);
    }
}
