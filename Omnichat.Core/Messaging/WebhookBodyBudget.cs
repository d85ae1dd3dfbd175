namespace Omnichat.Core.Messaging;

/// <summary>
/// Counts the bytes of webhook bodies held in memory, from the first byte read until the intake has stored or dropped
/// them, against <see cref="WebhookOptions.MaxBodyBytesInFlight"/>. A reservation either fits whole or is refused.
/// </summary>
public sealed class WebhookBodyBudget(Microsoft.Extensions.Options.IOptions<WebhookOptions> options)
{
    private readonly long limit = options.Value.MaxBodyBytesInFlight;
    private long inFlight;

    /// <summary>Bytes reserved now.</summary>
    public long InFlight => Interlocked.Read(ref inFlight);

    public bool TryReserve(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        var current = Interlocked.Read(ref inFlight);
        while (true)
        {
            if (current + bytes > limit)
            {
                return false;
            }
            var seen = Interlocked.CompareExchange(ref inFlight, current + bytes, current);
            if (seen == current)
            {
                return true;
            }
            current = seen;
        }
    }

    public void Release(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Interlocked.Add(ref inFlight, -bytes);
    }
}
