using System.Threading.Channels;

namespace Omnichat.Core.Messaging;

/// <summary>
/// The window in which the webhook endpoint refused signed deliveries (503: bodies in memory at the bound, the store too
/// slow, the disk full), from the first refusal to the next delivery it stored. Kept in memory, since the database may be
/// what fails; a closed window is handed to <see cref="Backfill.IntakeRefusalGaps"/>, which records it as a gap.
/// </summary>
public sealed class IntakeRefusalWindow(TimeProvider time)
{
    private readonly Channel<(DateTimeOffset From, DateTimeOffset To)> closed =
        Channel.CreateUnbounded<(DateTimeOffset, DateTimeOffset)>(new UnboundedChannelOptions { SingleReader = true });
    // UTC ticks of the first refusal of the open window; 0 while the intake stores everything.
    private long refusingSince;

    public void Refused() => Interlocked.CompareExchange(ref refusingSince, time.GetUtcNow().UtcTicks, 0);

    /// <summary>Called for every stored delivery: one read while nothing was refused.</summary>
    public void Stored()
    {
        if (Volatile.Read(ref refusingSince) == 0)
        {
            return;
        }
        var since = Interlocked.Exchange(ref refusingSince, 0);
        if (since != 0)
        {
            closed.Writer.TryWrite((new DateTimeOffset(since, TimeSpan.Zero), time.GetUtcNow()));
        }
    }

    /// <summary>Windows that closed, in order.</summary>
    public ChannelReader<(DateTimeOffset From, DateTimeOffset To)> Closed => closed.Reader;
}
