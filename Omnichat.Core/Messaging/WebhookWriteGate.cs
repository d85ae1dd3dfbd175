namespace Omnichat.Core.Messaging;

/// <summary>
/// One writer at a time between the webhook intake and the processor. SQLite allows a single writer; when two
/// connections collide, Microsoft.Data.Sqlite backs off in steps of about 150 ms, which would show up as p99 spikes
/// on the webhook's 200. Waiting on this gate instead costs microseconds.
/// </summary>
public sealed class WebhookWriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        return new Release(gate);
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
