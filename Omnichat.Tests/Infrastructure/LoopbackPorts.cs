using System.Net;
using System.Net.Sockets;

namespace Omnichat.Tests.Infrastructure;

/// <summary>
/// Ports for servers that tests start later (a console, a sandbox process, an SMTP server). Port 0 would pick one from
/// the ephemeral range, where the suite's own outgoing connections take source ports too, and now and then one of them
/// took the port between the pick and the bind ("address already in use"). These come from below that range, each
/// handed out once per test process, starting at a random place so two test processes rarely meet.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20_000;
    private const int Count = 12_000;
    private static int next = Random.Shared.Next(Count);

    public static int Next()
    {
        for (var attempt = 0; attempt < Count; attempt++)
        {
            var port = First + (Interlocked.Increment(ref next) % Count);
            if (IsFree(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {First + Count}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
