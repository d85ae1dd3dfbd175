using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Stores webhook bodies before the endpoint answers 200. Requests that arrive together are written in one short
/// transaction (group commit): one disk sync for many bodies, and each request still waits until its own row is
/// committed and on disk. Processing happens later, in <see cref="WebhookProcessor"/>.
/// </summary>
/// <remarks>
/// Two stages, each on its own thread: the writer inserts and commits group after group; the syncer makes committed
/// groups durable and only then answers them, so while one group is being synced the next is already being written.
/// That is SQLite's shape (one writer). On PostgreSQL a commit is already durable, and several writers, each on its own
/// connection with a group in flight, share the server's log flushes (<see cref="IntakeWriter.ConcurrentWriters"/>).
/// Own threads rather than the thread pool because both block on purpose (SQLite and the disk sync have no truly
/// asynchronous form): on a small machine two blocked pool threads stall every request until the pool grows.
/// </remarks>
public sealed class WebhookIntake(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    WebhookSignal signal,
    WebhookWriteGate writeGate,
    WebhookBodyBudget budget,
    WebhookTraceLinks traceLinks,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookIntake> logger) : IHostedService, IDisposable
{
    private const int MaxBatch = 256;

    private readonly TimeSpan storeTimeout = options.Value.StoreTimeout;

    private readonly Handoff<Pending> queue = new();
    private readonly Handoff<Committed> committed = new();
    // Set while no committed group waits for the syncer. The writer commits only then, so each disk sync has one
    // group ready behind it and the bodies arriving meanwhile gather into that group rather than many small commits.
    private readonly ManualResetEventSlim syncerCaughtUp = new(true, spinCount: 0);
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int writers = 1;
    private int writersRunning;

    /// <summary>
    /// Queues a signed body and waits until it is committed and on disk, at most <see cref="WebhookOptions.StoreTimeout"/>.
    /// The caller has reserved the body's bytes in <see cref="WebhookBodyBudget"/>; from this call on the intake
    /// releases them once it lets go of the body, which can be after a call that timed out has returned.
    /// </summary>
    /// <returns>The stored delivery's id.</returns>
    /// <exception cref="TimeoutException">
    /// Not stored in time. A body whose write had not begun is dropped and never stored. One already being written
    /// may still be committed afterwards; Meta's retry of the unacknowledged request then stores a second copy, which
    /// processing (once per mid) ignores, as it ignores any delivery Meta sends twice.
    /// </exception>
    internal async Task<long> StoreAsync(byte[] body, CancellationToken cancellationToken)
    {
        var pending = new Pending(body, time.GetUtcNow(), WebhookTraceLinks.Current());
        writeGate.IntakeQueued(1);
        if (!queue.TryAdd(pending))
        {
            writeGate.IntakeQueued(-1);
            budget.Release(body.Length);
            throw new InvalidOperationException("The webhook intake has stopped.");
        }
        try
        {
            // Real time on purpose: this bounds how long Meta's request waits on the disk, not anything of the domain.
            return await pending.Done.Task.WaitAsync(storeTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Not acknowledged, so Meta sends it again: store this copy only if its write has already begun.
            pending.TryAbandon();
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        writers = IntakeWriter.ConcurrentWriters(dbFactory);
        writersRunning = writers;
        for (var i = 0; i < writers; i++)
        {
            new Thread(WriteLoop) { IsBackground = true, Name = $"Webhook intake writer {i + 1}" }.Start();
        }
        new Thread(SyncLoop) { IsBackground = true, Name = "Webhook intake syncer" }.Start();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Takes no new bodies, but stores and answers those already received: they are a few milliseconds of work, and
    /// each one answered now is one Meta does not have to send again.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await stopped.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!stopped.Task.IsCompleted)
        {
            return; // The threads outlived a stop that timed out; they still use the events, the process ends anyway.
        }
        queue.Dispose();
        committed.Dispose();
        syncerCaughtUp.Dispose();
    }

    private void WriteLoop()
    {
        var batch = new List<Pending>(MaxBatch);
        IntakeWriter? writer = null;
        try
        {
            // One writer pipelines against the disk sync stage; several writers have no such stage to wait for.
            while ((writers > 1 || syncerCaughtUp.Wait(Timeout.Infinite)) && queue.Take(batch, MaxBatch))
            {
                DropAbandoned(batch);
                if (batch.Count == 0)
                {
                    continue;
                }
                if (Write(batch, ref writer) is { } ids)
                {
                    syncerCaughtUp.Reset();
                    committed.TryAdd(new Committed(batch, ids, writer!));
                    batch = new List<Pending>(MaxBatch);
                    continue;
                }
                writeGate.IntakeQueued(-batch.Count);
                batch.Clear();
                if (writer is not null)
                {
                    // Start over with a fresh connection next time rather than trust one that just failed; the syncer
                    // closes the old one once the groups it committed are synced.
                    committed.TryAdd(new Committed([], [], writer) { Retired = true });
                    writer = null;
                }
            }
        }
        finally
        {
            if (writer is not null)
            {
                committed.TryAdd(new Committed([], [], writer) { Retired = true });
            }
            if (Interlocked.Decrement(ref writersRunning) == 0)
            {
                committed.Complete();
            }
        }
    }

    /// <summary>Claims every body of the group for writing, and drops those whose requests have already been answered 503.</summary>
    private void DropAbandoned(List<Pending> batch)
    {
        var kept = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            var pending = batch[i];
            if (pending.TryClaim())
            {
                batch[kept++] = pending;
                continue;
            }
            writeGate.IntakeQueued(-1);
            if (pending.Done.TrySetCanceled())
            {
                budget.Release(pending.Body.Length);
            }
        }
        batch.RemoveRange(kept, batch.Count - kept);
    }

    /// <returns>The committed rows' ids, or null when the group could not be stored (its requests have been failed).</returns>
    private long[]? Write(List<Pending> batch, ref IntakeWriter? writer)
    {
        try
        {
            // The gate keeps a single SQLite writer from colliding with the processor; concurrent writers need none.
            using var writing = writers == 1 ? writeGate.Enter() : null;
            writer ??= IntakeWriter.Open(dbFactory);
            return writer.Insert(batch);
        }
        catch (Exception ex)
        {
            // Whatever went wrong, the thread goes on: these requests get an error, the next group a fresh try.
            logger.LogError(ex, "Could not store {Count} webhook deliveries; they are answered with an error so Meta retries", batch.Count);
            Fail(batch, ex);
            return null;
        }
    }

    private void SyncLoop()
    {
        var groups = new List<Committed>();
        try
        {
            // Runs until the writer has stopped and every committed group has been answered.
            while (committed.Take(groups, int.MaxValue))
            {
                syncerCaughtUp.Set();
                Answer(groups);
                foreach (var retired in groups.Where(g => g.Retired))
                {
                    retired.By.Dispose();
                }
                groups.Clear();
            }
        }
        finally
        {
            stopped.TrySetResult();
        }
    }

    private void Answer(List<Committed> groups)
    {
        var count = groups.Sum(g => g.Batch.Count);
        try
        {
            // One sync covers every group committed before it.
            foreach (var by in groups.Where(g => g.Batch.Count > 0).Select(g => g.By).Distinct())
            {
                by.SyncToDisk();
            }
            foreach (var group in groups)
            {
                for (var i = 0; i < group.Batch.Count; i++)
                {
                    traceLinks.Stored(group.Ids[i], group.Batch[i].Trace);
                    if (group.Batch[i].Done.TrySetResult(group.Ids[i]))
                    {
                        budget.Release(group.Batch[i].Body.Length);
                    }
                }
            }
            if (count > 0)
            {
                signal.Notify();
            }
        }
        catch (Exception ex)
        {
            // Committed but not known to be on disk: not acknowledged, so Meta sends them again and the mid dedupe
            // keeps the copies from being processed twice.
            logger.LogError(ex, "Could not sync {Count} stored webhook deliveries to disk; they are answered with an error so Meta retries", count);
            foreach (var group in groups)
            {
                Fail(group.Batch, ex);
            }
        }
        writeGate.IntakeQueued(-count);
    }

    private void Fail(IEnumerable<Pending> batch, Exception ex)
    {
        foreach (var pending in batch)
        {
            // Released by whoever completes it, so a body answered before a later failure is not released twice.
            if (pending.Done.TrySetException(ex))
            {
                budget.Release(pending.Body.Length);
            }
        }
    }

    /// <summary>A body waiting to be stored. Its request and the writer race for it once: whoever comes first decides.</summary>
    internal sealed class Pending(byte[] body, DateTimeOffset receivedAt, ActivityContext trace)
    {
        private const int Queued = 0;
        private const int Writing = 1;
        private const int Abandoned = 2;
        private int state;

        public byte[] Body { get; } = body;
        public DateTimeOffset ReceivedAt { get; } = receivedAt;
        /// <summary>The request that brought it, for the processing span's link (<see cref="WebhookTraceLinks"/>).</summary>
        public ActivityContext Trace { get; } = trace;
        public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The writer takes it: from now on it is written even if its request stops waiting.</summary>
        public bool TryClaim() => Interlocked.CompareExchange(ref state, Writing, Queued) == Queued;

        /// <summary>Its request stopped waiting before the writer took it: the writer drops it.</summary>
        public bool TryAbandon() => Interlocked.CompareExchange(ref state, Abandoned, Queued) == Queued;
    }

    /// <summary>A group committed by <paramref name="By"/>; a retired writer's last entry has no rows.</summary>
    private sealed record Committed(List<Pending> Batch, long[] Ids, IntakeWriter By)
    {
        public bool Retired { get; init; }
    }
}
