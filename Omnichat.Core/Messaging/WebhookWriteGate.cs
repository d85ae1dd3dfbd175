namespace Omnichat.Core.Messaging;

/// <summary>
/// One writer at a time between the webhook intake and the processor. SQLite allows a single writer; when two
/// connections collide, Microsoft.Data.Sqlite backs off in steps of about 150 ms, which would show up as p99 spikes
/// on the webhook's 200. Waiting on this gate instead costs microseconds.
/// </summary>
public sealed class WebhookWriteGate
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private int intakeQueued;
    private long intakeReceived;

    /// <summary>Bodies received and not yet committed: the intake counts them in and out.</summary>
    public void IntakeQueued(int delta)
    {
        Interlocked.Add(ref intakeQueued, delta);
        if (delta > 0)
        {
            Interlocked.Add(ref intakeReceived, delta);
        }
    }

    /// <summary>Bodies received and not yet committed now (or dropped): what processing yields to.</summary>
    public int IntakeWaiting => Volatile.Read(ref intakeQueued);

    /// <summary>How many bodies the intake has received since start; changes whenever webhooks are arriving.</summary>
    public long IntakeReceived => Volatile.Read(ref intakeReceived);

    /// <summary>
    /// Lets processing wait while webhook bodies are waiting to be stored: a 200 keeps Meta from retrying and is what
    /// must stay fast under a burst; processing catches up afterwards. Bounded, so processing never stops entirely.
    /// Real time on purpose: this spaces out work on the CPU, it measures nothing of the domain.
    /// </summary>
    public async Task YieldToIntakeAsync(TimeSpan atMost, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref intakeQueued) > 0 && waited.Elapsed < atMost)
        {
            await Task.Delay(2, cancellationToken);
        }
    }

    /// <summary>For the intake's own thread, which may block.</summary>
    public IDisposable Enter()
    {
        gate.Wait();
        return new Release(gate);
    }

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
