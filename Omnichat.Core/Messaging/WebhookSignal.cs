using System.Threading.Channels;

namespace Omnichat.Core.Messaging;

/// <summary>Wakes the <see cref="WebhookProcessor"/> when deliveries were stored; repeated calls before it wakes collapse into one.</summary>
public sealed class WebhookSignal(TimeProvider timeProvider)
{
    private readonly Channel<bool> wakeUps = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => wakeUps.Writer.TryWrite(true);

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
            // No signal within the interval: a regular look for anything left behind.
        }
    }
}
