using System.Threading.Channels;

namespace Omnichat.Core.Background;

/// <summary>
/// Wakes a background loop now instead of at its next tick. Whoever commits work for it calls <see cref="Notify"/>
/// after the commit; repeated calls before the loop wakes collapse into one.
/// </summary>
public abstract class WakeSignal(TimeProvider timeProvider)
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => wakeUps.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> has passed, whichever is first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken);
        try
        {
            await wakeUps.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed without a signal: time for a regular look for anything left behind.
        }
    }
}
