using System.Collections.Concurrent;
using System.Net;

namespace Omnichat.Tests.Telemetry;

/// <summary>
/// A collector's OTLP/HTTP receiver on loopback that accepts everything and keeps only which paths were posted to,
/// so the console's OTLP exporter has somewhere real to send to and the test can see that it did.
/// </summary>
public sealed class OtlpSink : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentDictionary<string, int> posts = new();

    public OtlpSink()
    {
        Port = Infrastructure.LoopbackPorts.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    /// <summary>How many exports arrived at a path such as <c>/v1/traces</c>.</summary>
    public int PostsTo(string path) => posts.GetValueOrDefault(path);

    private async Task AcceptAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            posts.AddOrUpdate(context.Request.Url!.AbsolutePath, 1, (_, n) => n + 1);
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
