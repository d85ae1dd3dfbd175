using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Omnichat.Console.Endpoints;

/// <summary>
/// How far Kestrel's socket transport reads ahead of the application on each connection. Its default, 1 MB, is held in
/// pinned pool blocks that Kestrel hands back only 5% every 10 s: a burst of 100 unsigned 4 MB webhooks, which the
/// endpoint refuses without reading, still left about 40-90 MB of them behind while Kestrel drained the bodies (it
/// always drains, to avoid resets). 64 KB is many times any Messenger webhook or Blazor message and keeps that near 6 MB.
/// </summary>
public static class ConnectionReadAhead
{
    public const long MaxBytes = 64 * 1024;

    public static IServiceCollection AddConnectionReadAheadLimit(this IServiceCollection services) =>
        services.Configure<SocketTransportOptions>(options => options.MaxReadBufferSize = MaxBytes);
}
