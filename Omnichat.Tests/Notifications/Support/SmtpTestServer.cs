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
    private readonly Hold hold = new();
    private SmtpServer.SmtpServer? server;
    private Task? running;

    public int Port { get; } = LoopbackPorts.Next();

    public IReadOnlyList<ReceivedMail> Messages => received.ToList();

    /// <summary>Messages whose DATA has arrived and that the server has not answered yet (see <see cref="HoldNext"/>).</summary>
    public IReadOnlyList<MimeMessage> Held => hold.Waiting;

    /// <summary>
    /// The next message is not answered until <see cref="RefuseHeld"/>: its sender sits at the end of DATA, as with a
    /// hung server. It is then refused (451) and not kept, as a server does when its client has gone.
    /// </summary>
    public void HoldNext() => hold.Arm();

    public void RefuseHeld() => hold.Refuse();

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
        services.Add(new CollectingStore(received, hold));
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

    private sealed class Hold
    {
        private readonly object gate = new();
        private readonly List<MimeMessage> waiting = [];
        private bool armed;
        private TaskCompletionSource refused = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyList<MimeMessage> Waiting
        {
            get
            {
                lock (gate)
                {
                    return waiting.ToList();
                }
            }
        }

        public void Arm()
        {
            lock (gate)
            {
                armed = true;
                refused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public void Refuse()
        {
            lock (gate)
            {
                refused.TrySetResult();
            }
        }

        /// <returns>True when this message was held and is refused.</returns>
        public async Task<bool> HoldAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            Task until;
            lock (gate)
            {
                if (!armed)
                {
                    return false;
                }
                armed = false;
                waiting.Add(message);
                until = refused.Task;
            }
            await until.WaitAsync(cancellationToken);
            lock (gate)
            {
                waiting.Remove(message);
            }
            return true;
        }
    }

    private sealed class CollectingStore(ConcurrentQueue<ReceivedMail> received, Hold hold) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (await hold.HoldAsync(message, cancellationToken))
            {
                return new SmtpResponse(SmtpReplyCode.InsufficientStorage, "Not stored: held by the test");
            }
            received.Enqueue(new ReceivedMail(message, transaction.To.Select(m => $"{m.User}@{m.Host}").ToList()));
            return SmtpResponse.Ok;
        }
    }
}
