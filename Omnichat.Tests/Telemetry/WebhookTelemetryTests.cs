using Microsoft.EntityFrameworkCore;
using Omnichat.Tests.Infrastructure;
using Omnichat.Tests.Messaging;

namespace Omnichat.Tests.Telemetry;

/// <summary>The webhook intake counts what it answered, and processing records the lag from Meta's timestamp.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class WebhookTelemetryTests
{
    private const string Body = """{"object":"page","entry":[{"id":"104500000000001","time":1,"messaging":[]}]}""";

    [Fact]
    public async Task Webhook_BadSignature_CountsAsRefusedAndNotAsAccepted()
    {
        await using var console = await TelemetryConsole.StartAsync();
        using var driver = new MessengerDriver(console.Server);

        using var response = await driver.PostWebhookAsync(Body, signature: "sha256=" + new string('0', 64));

        ((int)response.StatusCode).ShouldBe(403);
        var requests = console.Points("omnichat.webhook.requests");
        requests.ShouldHaveSingleItem().Labels["webhook.result"].ShouldBe("bad_signature");
        requests.Single().Point.GetSumLong().ShouldBe(1);
        console.Points("omnichat.webhook.ack.duration").ShouldHaveSingleItem().Point.GetHistogramCount().ShouldBe(1);
    }

    [Fact]
    public async Task Webhook_CustomerMessage_IsAcceptedAndItsProcessingLagRecorded()
    {
        await using var console = await TelemetryConsole.StartAsync();
        using var driver = new MessengerDriver(console.Server);
        await driver.ConnectAsync();

        await driver.Sandbox.PostJsonAsync($"pages/{MessengerDriver.Taipei}/customer-messages", new { psid = "7400000000000001", text = "hi" });
        await driver.EventuallyAsync(db => db.Messages.AnyAsync(), "the message reaches the inbox");

        console.Points("omnichat.webhook.requests").Single(p => Equals(p.Labels["webhook.result"], "accepted")).Point.GetSumLong().ShouldBe(1);
        // Recorded just after the commit that the inbox query already sees.
        await Eventually.TrueAsync(() => console.Points("omnichat.webhook.processing.lag").Count == 1, MessengerDriver.Patience, "the lag is recorded");
        var lag = console.Points("omnichat.webhook.processing.lag").Single().Point;
        lag.GetHistogramCount().ShouldBe(1);
        lag.GetHistogramSum().ShouldBeLessThan(60, "the sandbox stamps the event as it sends it");
        var spans = console.FinishedSpans();
        var intake = spans.Single(s => s.Kind == System.Diagnostics.ActivityKind.Server && s.DisplayName == "POST /webhooks/facebook");
        spans.Where(s => s.OperationName == "omnichat.webhook.process").ShouldHaveSingleItem()
            .Links.ShouldContain(l => l.Context.SpanId == intake.SpanId, "processing links back to the request that stored the delivery");
    }
}
