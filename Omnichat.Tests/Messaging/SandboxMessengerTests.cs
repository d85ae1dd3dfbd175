using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omnichat.Console.Sandbox.World;
using Omnichat.Core.Channels;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Messaging;

/// <summary>The sandbox's customer side over real HTTP: signed, escaped webhooks, standby, inbox echoes, retries, auto-unsubscribe.</summary>
public sealed class SandboxMessengerTests
{
    private const string Psid = "7300000000000001";
    private static string Taipei => MessengerDriver.Taipei;

    [Fact]
    public async Task CustomerMessage_NonAscii_ArrivesSignedAndEscapedLikeMeta_AndIsShownOnce()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();

        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "請問今天有開嗎？ äöå 😀" });

        await driver.EventuallyAsync(db => db.Messages.AnyAsync(m => m.Text == "請問今天有開嗎？ äöå 😀"), "the message is processed");
        var raw = Encoding.ASCII.GetString((await driver.QueryAsync(db => db.WebhookDeliveries.SingleAsync())).Body);
        raw.ShouldContain("\\u8acb\\u554f", Case.Sensitive, "the stored bytes are Meta's escaped text, exactly as received");
        var delivery = (await driver.Sandbox.StateAsync()).GetProperty("webhookDeliveries").EnumerateArray().Single();
        (delivery.GetProperty("status").GetInt32(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("field").GetString())
            .ShouldBe((200, 1, "messaging"));
    }

    [Fact]
    public async Task ReceiverSwitch_SendsToStandby_ConnectionShowsNotMessengerReceiver_UntilMessagingAgain()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        var connectionId = await driver.ConnectAsync();

        await driver.Sandbox.PutAsync($"pages/{Taipei}/receiver", new { appId = DemoWorld.OtherAppId });
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "anyone there?" });
        await driver.EventuallyAsync(db => db.PageConnections.AnyAsync(c => c.Id == connectionId && c.Status == ConnectionStatus.NotMessengerReceiver),
            "standby marks the connection");
        (await driver.QueryAsync(db => db.Messages.SingleAsync())).FromStandby.ShouldBeTrue();

        await driver.Sandbox.PutAsync($"pages/{Taipei}/receiver", new { appId = driver.AppId });
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "hello again" });
        await driver.EventuallyAsync(db => db.PageConnections.AnyAsync(c => c.Id == connectionId && c.Status == ConnectionStatus.Healthy),
            "messaging clears it");
    }

    [Fact]
    public async Task InboxReply_ArrivesAsEchoFromThePageInboxApp()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "hi" });

        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/inbox-replies", new { psid = Psid, text = "從 Facebook 收件匣回覆" });

        await driver.EventuallyAsync(db => db.Messages.AnyAsync(m => m.EchoSource == EchoSource.FacebookInbox && m.Text == "從 Facebook 收件匣回覆"),
            "the echo is stored, labelled as Facebook's inbox");
        (await driver.QueryAsync(db => db.Messages.SingleAsync(m => m.EchoSource == EchoSource.FacebookInbox))).AppId.ShouldBe(DemoWorld.PageInboxAppId);
    }

    [Fact]
    public async Task ConsoleNotAnswering200_IsRetried_UntilItDoes()
    {
        using var endpoint = new FlakyEndpoint(failures: 2);
        await using var server = await ConsoleServer.StartAsync(s => s.With("Sandbox:WebhookUrl", endpoint.Url).With("Sandbox:WebhookRetryDelayMs", "20"));
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();

        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "retry me" });

        var delivery = await WaitForDeliveryAsync(driver);
        (delivery.GetProperty("outcome").GetString(), delivery.GetProperty("attempts").GetInt32(), delivery.GetProperty("status").GetInt32())
            .ShouldBe(("delivered", 3, 200));
        endpoint.Bodies.Distinct().Count().ShouldBe(1, "a retry sends the same signed bytes");
        endpoint.Signatures.ShouldAllBe(s => s.StartsWith("sha256=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConsoleFailingLongerThanTheConfiguredTime_UnsubscribesThePage()
    {
        using var endpoint = new FlakyEndpoint(failures: int.MaxValue);
        await using var server = await ConsoleServer.StartAsync(s => s.With("Sandbox:WebhookUrl", endpoint.Url)
            .With("Sandbox:WebhookRetryDelayMs", "100").With("Sandbox:WebhookFailureUnsubscribeMinutes", "60"));
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();

        await driver.Sandbox.PostJsonAsync($"pages/{Taipei}/customer-messages", new { psid = Psid, text = "nobody home" });
        // The second attempt proves the first failure started the clock on the page.
        await endpoint.SecondRequest.Task.WaitAsync(MessengerDriver.Patience);
        await driver.Sandbox.PostJsonAsync("clock/advance", new { minutes = 61 });

        var delivery = await WaitForDeliveryAsync(driver);
        delivery.GetProperty("outcome").GetString().ShouldBe("unsubscribed");
        (await driver.Sandbox.SubscribedAppsAsync(Taipei)).ShouldBeEmpty();
    }

    private static async Task<JsonElement> WaitForDeliveryAsync(MessengerDriver driver)
    {
        var deadline = DateTime.UtcNow + MessengerDriver.Patience;
        while (true)
        {
            var deliveries = (await driver.Sandbox.StateAsync()).GetProperty("webhookDeliveries");
            if (deliveries.GetArrayLength() > 0)
            {
                return deliveries[0];
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("no webhook delivery was recorded");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>A webhook receiver on loopback that answers 500 a given number of times, then 200.</summary>
    private sealed class FlakyEndpoint : IDisposable
    {
        private readonly HttpListener listener = new();
        private int remainingFailures;

        public FlakyEndpoint(int failures)
        {
            remainingFailures = failures;
            var port = ConsoleServer.FreeLoopbackPort();
            Url = $"http://127.0.0.1:{port}/hook/";
            listener.Prefixes.Add(Url);
            listener.Start();
            _ = Task.Run(LoopAsync);
        }

        public string Url { get; }
        public List<string> Bodies { get; } = [];
        public List<string> Signatures { get; } = [];
        public TaskCompletionSource SecondRequest { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private async Task LoopAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }
                using (var reader = new StreamReader(context.Request.InputStream))
                {
                    lock (Bodies)
                    {
                        Bodies.Add(reader.ReadToEnd());
                        Signatures.Add(context.Request.Headers["X-Hub-Signature-256"] ?? "");
                        if (Bodies.Count >= 2)
                        {
                            SecondRequest.TrySetResult();
                        }
                    }
                }
                context.Response.StatusCode = Interlocked.Decrement(ref remainingFailures) >= 0 ? 500 : 200;
                context.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }
}
