using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Omnichat.Tests.Infrastructure;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Omnichat.Tests.Notifications.Support;

/// <summary>
/// A real SMTP server on a loopback port, in-process, that keeps every message it accepts. The port is chosen at
/// construction, so a test can point the console at it before starting it (to see "SMTP down" first).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private SmtpServer.SmtpServer? server;
    private Task? running;

    public int Port { get; } = LoopbackPorts.Next();

    public IReadOnlyList<ReceivedMail> Messages => received.ToList();

    public static async Task<SmtpTestServer> StartNewAsync()
    {
        var smtp = new SmtpTestServer();
        await smtp.StartAsync();
        return smtp;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new ServiceProvider();
        services.Add(new CollectingStore(received));
        server = new SmtpServer.SmtpServer(options, services);
        running = server.StartAsync(stop.Token);
        await WaitUntilListeningAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (running is not null)
        {
            try
            {
                await running;
            }
            catch (OperationCanceledException)
            {
                // Stopping is what we asked for.
            }
        }
        stop.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException($"The test SMTP server did not start on port {Port}.");
    }

    private sealed class CollectingStore(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(new ReceivedMail(message, transaction.To.Select(m => $"{m.User}@{m.Host}").ToList()));
            return SmtpResponse.Ok;
        }
    }
}
