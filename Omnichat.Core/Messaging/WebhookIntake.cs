using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Data;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Stores webhook bodies before the endpoint answers 200. Requests that arrive together are written in one short
/// transaction (group commit): one SQLite writer, one disk sync for many bodies, and each request still waits until
/// its own row is committed and on disk. Processing happens later, in <see cref="WebhookProcessor"/>.
/// </summary>
/// <remarks>
/// Two stages, each on its own thread: the writer inserts and commits group after group; the syncer makes committed
/// groups durable and only then answers them, so while one group is being synced the next is already being written.
/// Own threads rather than the thread pool because both block on purpose (SQLite and the disk sync have no truly
/// asynchronous form): on a small machine two blocked pool threads stall every request until the pool grows.
/// </remarks>
public sealed class WebhookIntake(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    WebhookSignal signal,
    WebhookWriteGate writeGate,
    TimeProvider time,
    ILogger<WebhookIntake> logger) : IHostedService, IDisposable
{
    private const int MaxBatch = 256;

    private readonly Handoff<Pending> queue = new();
    private readonly Handoff<Committed> committed = new();
    // Set while no committed group waits for the syncer. The writer commits only then, so each disk sync has one
    // group ready behind it and the bodies arriving meanwhile gather into that group rather than many small commits.
    private readonly ManualResetEventSlim syncerCaughtUp = new(true, spinCount: 0);
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IntakeWriter? writer;

    /// <returns>The stored delivery's id, once it is committed and on disk.</returns>
    public async Task<long> StoreAsync(byte[] body, CancellationToken cancellationToken)
    {
        var pending = new Pending(body, time.GetUtcNow(), new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        writeGate.IntakeQueued(1);
        if (!queue.TryAdd(pending))
        {
            writeGate.IntakeQueued(-1);
            throw new InvalidOperationException("The webhook intake has stopped.");
        }
        // If the caller gives up after the commit, Meta retries and the mid dedupe absorbs the second copy.
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var writing = new Thread(WriteLoop) { IsBackground = true, Name = "Webhook intake writer" };
        var syncing = new Thread(SyncLoop) { IsBackground = true, Name = "Webhook intake syncer" };
        writing.Start();
        syncing.Start();
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
        try
        {
            while (syncerCaughtUp.Wait(Timeout.Infinite) && queue.Take(batch, MaxBatch))
            {
                if (Write(batch) is { } ids)
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
            committed.Complete();
        }
    }

    /// <returns>The committed rows' ids, or null when the group could not be stored (its requests have been failed).</returns>
    private long[]? Write(List<Pending> batch)
    {
        try
        {
            using var writing = writeGate.Enter();
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
                    group.Batch[i].Done.TrySetResult(group.Ids[i]);
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

    private static void Fail(IEnumerable<Pending> batch, Exception ex)
    {
        foreach (var pending in batch)
        {
            pending.Done.TrySetException(ex);
        }
    }

    internal sealed record Pending(byte[] Body, DateTimeOffset ReceivedAt, TaskCompletionSource<long> Done);

    /// <summary>A group committed by <paramref name="By"/>; a retired writer's last entry has no rows.</summary>
    private sealed record Committed(List<Pending> Batch, long[] Ids, IntakeWriter By)
    {
        public bool Retired { get; init; }
    }
}
