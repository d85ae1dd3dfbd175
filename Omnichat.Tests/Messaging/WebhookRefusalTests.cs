using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Console.Benchmarks;
using Omnichat.Core.Facebook;
using Omnichat.Core.Messaging;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Messaging;

/// <summary>
/// What the webhook endpoint refuses, over real HTTP, and what refusing costs: a body that cannot be Meta's is not
/// read, memory for bodies is bounded, and a body that cannot be stored in time is answered 503 instead of hanging.
/// </summary>
public sealed class WebhookRefusalTests
{
    private const int FourMegabytes = 4 * 1024 * 1024;
    private static readonly string WrongSignature = "sha256=" + new string('0', 64);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task UnsignedBurst_HundredConcurrentFourMegabyteBodies_All403_NothingStored()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var http = server.CreateHttpClient();
        http.Timeout = TimeSpan.FromMinutes(2);

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            using var response = await http.PostAsync("webhooks/facebook", new RepeatedBodyContent(FourMegabytes));
            return response.StatusCode;
        })));

        answers.ShouldAllBe(status => status == HttpStatusCode.Forbidden);
        StoredDeliveries(server).ShouldBe(0);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sha256=not-hex")]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    public async Task MissingOrMalformedSignature_IsAnswered403BeforeTheBodyIsSent(string? header)
    {
        await using var server = await ConsoleServer.StartAsync();

        // 64 KB of a declared 4 MB: a server that read the body before looking at the header would still be waiting.
        using var request = await PartialRequest.SendAsync(server, FourMegabytes, header, sendBytes: 64 * 1024);

        (await request.ReadStatusAsync()).ShouldBe(403);
        StoredDeliveries(server).ShouldBe(0);
    }

    [Fact]
    public async Task WronglySignedFourMegabyteBody_Is403_NothingStored_AndItsMemoryIsGivenBack()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var http = server.CreateHttpClient();

        using var response = await PostAsync(http, new RepeatedBodyContent(FourMegabytes), WrongSignature);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        StoredDeliveries(server).ShouldBe(0);
        server.Services.GetRequiredService<WebhookBodyBudget>().InFlight.ShouldBe(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignedBodyOfManyChunks_WithOrWithoutLength_IsStoredByteForByte(bool declareLength)
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        // Over a megabyte, so it spans many pooled chunks; \u escapes as Meta writes them.
        var text = string.Concat(Enumerable.Repeat("\\u8acb\\u554f ", 90_000));
        var json = WebhookJson.Single("999000000000001", WebhookJson.Message("7100000000000001", "999000000000001", "m_big", "x", DateTimeOffset.UtcNow))
            .Replace("\"text\":\"x\"", $"\"text\":\"{text}\"", StringComparison.Ordinal);
        var body = Encoding.ASCII.GetBytes(json);
        body.Length.ShouldBeGreaterThan(1024 * 1024);

        using var response = await PostAsync(driver.Http, new StreamedContent(body, declareLength), WebhookSignature.Sign(body, driver.AppSecret));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await driver.QueryAsync(db => db.WebhookDeliveries.Select(d => d.Body).SingleAsync())).ShouldBe(body);
        server.Services.GetRequiredService<WebhookBodyBudget>().InFlight.ShouldBe(0);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignedBodyOverFourMegabytes_WithOrWithoutLength_Is413(bool declareLength)
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        var body = Encoding.ASCII.GetBytes("{" + new string(' ', FourMegabytes - 1) + "}");

        using var response = await PostAsync(driver.Http, new StreamedContent(body, declareLength), WebhookSignature.Sign(body, driver.AppSecret));

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        StoredDeliveries(server).ShouldBe(0);
    }

    [Fact]
    public async Task BodiesInFlightAtTheBound_NextPostIs503_AcceptedAgainOnceTheyAreGone()
    {
        await using var server = await ConsoleServer.StartAsync(s => s.With("Webhooks:MaxBodyBytesInFlight", FourMegabytes.ToString(CultureInfo.InvariantCulture)));
        using var driver = new MessengerDriver(server);
        var budget = server.Services.GetRequiredService<WebhookBodyBudget>();
        var json = WebhookJson.Single("999000000000001", WebhookJson.Message("7100000000000001", "999000000000001", "m_after", "hi", DateTimeOffset.UtcNow));

        // A sender that might be Meta declares 4 MB and stops after the first 64 KB: its 4 MB are held for it.
        using (var holder = await PartialRequest.SendAsync(server, FourMegabytes, WrongSignature, sendBytes: 64 * 1024))
        {
            await UntilAsync(() => budget.InFlight == FourMegabytes, "the held body is reserved");

            using var refused = await driver.PostWebhookAsync(json);
            refused.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }
        await UntilAsync(() => budget.InFlight == 0, "the abandoned body's reservation is released");

        using var accepted = await driver.PostWebhookAsync(json);
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        StoredDeliveries(server).ShouldBe(1);
    }

    [Fact]
    public async Task DatabaseLockedByAnotherProcess_Is503WithinAboutThreeSeconds_ThenAccepted_AndProcessedOnce()
    {
        await using var server = await ConsoleServer.StartAsync();
        using var driver = new MessengerDriver(server);
        await driver.ConnectAsync();
        var json = WebhookJson.Single(MessengerDriver.Taipei, WebhookJson.Message("7112233445566778", MessengerDriver.Taipei, "m_locked", "還在嗎？", DateTimeOffset.UtcNow));

        HttpStatusCode whileLocked;
        var waited = Stopwatch.StartNew();
        await using (var locker = await LockExclusivelyAsync(server))
        {
            using var response = await driver.PostWebhookAsync(json);
            whileLocked = response.StatusCode;
            waited.Stop();
        }

        whileLocked.ShouldBe(HttpStatusCode.ServiceUnavailable);
        waited.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(6), "Webhooks:StoreTimeout is 2 s");
        // Meta sends the unacknowledged delivery again. Its first copy may have been committed once the lock went.
        using var again = await driver.PostWebhookAsync(json);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        await driver.AllProcessedAsync();
        (await driver.QueryAsync(db => db.Messages.CountAsync(m => m.Mid == "m_locked"))).ShouldBe(1);
        (await driver.QueryAsync(db => db.Conversations.SingleAsync())).UnreadCount.ShouldBe(1);
    }

    [Fact]
    public async Task BodiesTimedOutWhileQueuedBehindALockedDatabase_AreDropped_NotStoredWhenItUnlocks()
    {
        await using var server = await ConsoleServer.StartAsync(s => s.With("Webhooks:StoreTimeout", "00:00:01"));
        using var driver = new MessengerDriver(server);
        string Body(string mid) => WebhookJson.Single("999000000000001", WebhookJson.Message("7100000000000001", "999000000000001", mid, mid, DateTimeOffset.UtcNow));

        await using (var locker = await LockExclusivelyAsync(server))
        {
            // The first is taken by the writer, which then waits for the lock; the next two queue behind it.
            (await driver.PostWebhookAsync(Body("m_writing"))).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            var queued = await Task.WhenAll(driver.PostWebhookAsync(Body("m_queued_1")), driver.PostWebhookAsync(Body("m_queued_2")));
            queued.ShouldAllBe(r => r.StatusCode == HttpStatusCode.ServiceUnavailable);
        }
        (await driver.PostWebhookAsync(Body("m_after"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var stored = await driver.QueryAsync(db => db.WebhookDeliveries.Select(d => d.Body).ToListAsync());
        var text = stored.Select(b => Encoding.UTF8.GetString(b)).ToList();
        text.ShouldContain(t => t.Contains("m_after", StringComparison.Ordinal));
        text.ShouldNotContain(t => t.Contains("m_queued", StringComparison.Ordinal), "answered 503 before the writer took them");
        server.Services.GetRequiredService<WebhookBodyBudget>().InFlight.ShouldBe(0);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, HttpContent content, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/facebook") { Content = content };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.HeaderName, signature);
        }
        return await http.SendAsync(request);
    }

    private static long StoredDeliveries(ConsoleServer server)
    {
        using var connection = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM WebhookDeliveries";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Another process's write lock on the console's database file, held until disposed.</summary>
    private static async Task<SqliteExclusiveLock> LockExclusivelyAsync(ConsoleServer server)
    {
        var connection = new SqliteConnection($"Data Source={server.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE";
        await command.ExecuteNonQueryAsync();
        return new SqliteExclusiveLock(connection);
    }

    private static async Task UntilAsync(Func<bool> condition, string because)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed > Patience)
            {
                throw new TimeoutException($"Timed out waiting until {because}");
            }
            await Task.Delay(20);
        }
    }

    private sealed class SqliteExclusiveLock(SqliteConnection connection) : IAsyncDisposable
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

    /// <summary>A body sent as it is, with or without a Content-Length (chunked).</summary>
    private sealed class StreamedContent : HttpContent
    {
        private readonly byte[] body;
        private readonly bool declareLength;

        public StreamedContent(byte[] body, bool declareLength)
        {
            this.body = body;
            this.declareLength = declareLength;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var at = 0; at < body.Length; at += 50_000)
            {
                await stream.WriteAsync(body.AsMemory(at, Math.Min(50_000, body.Length - at)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return declareLength;
        }
    }

    /// <summary>A POST over a raw socket that declares a body and sends only part of it, then waits.</summary>
    private sealed class PartialRequest : IDisposable
    {
        private readonly TcpClient client;
        private readonly NetworkStream stream;

        private PartialRequest(TcpClient client)
        {
            this.client = client;
            stream = client.GetStream();
        }

        public static async Task<PartialRequest> SendAsync(ConsoleServer server, int declaredLength, string? signature, int sendBytes)
        {
            var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, server.Port);
            var request = new PartialRequest(client);
            var head = new StringBuilder()
                .Append("POST /webhooks/facebook HTTP/1.1\r\n")
                .Append(CultureInfo.InvariantCulture, $"Host: 127.0.0.1:{server.Port}\r\n")
                .Append("Content-Type: application/json\r\n")
                .Append(CultureInfo.InvariantCulture, $"Content-Length: {declaredLength}\r\n");
            if (signature is not null)
            {
                head.Append(CultureInfo.InvariantCulture, $"{WebhookSignature.HeaderName}: {signature}\r\n");
            }
            head.Append("\r\n");
            await request.stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()));
            var part = new byte[sendBytes];
            part.AsSpan().Fill((byte)' ');
            part[0] = (byte)'{';
            await request.stream.WriteAsync(part);
            await request.stream.FlushAsync();
            return request;
        }

        /// <summary>The response's status code, read while the rest of the body is still unsent.</summary>
        public async Task<int> ReadStatusAsync()
        {
            using var timeout = new CancellationTokenSource(Patience);
            var received = new List<byte>();
            var buffer = new byte[1024];
            while (!Encoding.ASCII.GetString(received.ToArray()).Contains("\r\n", StringComparison.Ordinal))
            {
                int read;
                try
                {
                    read = await stream.ReadAsync(buffer, timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException("No answer while the body was incomplete: the server waited for the rest of it.");
                }
                read.ShouldBeGreaterThan(0, "the server closed the connection without an answer");
                received.AddRange(buffer.AsSpan(0, read));
            }
            var statusLine = Encoding.ASCII.GetString(received.ToArray()).Split("\r\n")[0];
            return int.Parse(statusLine.Split(' ')[1], CultureInfo.InvariantCulture);
        }

        public void Dispose()
        {
            stream.Dispose();
            client.Dispose();
        }
    }
}
