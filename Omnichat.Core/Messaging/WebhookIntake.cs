using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Data;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Stores webhook bodies before the endpoint answers 200. Requests that arrive together are written in one short
/// transaction (group commit): one SQLite writer, one fsync for many bodies, and each request still waits for its own
/// row to be committed. Processing happens later, in <see cref="WebhookProcessor"/>.
/// </summary>
public sealed class WebhookIntake(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    WebhookSignal signal,
    WebhookWriteGate writeGate,
    TimeProvider time,
    ILogger<WebhookIntake> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private IntakeWriter? writer;

    /// <returns>The stored delivery's id, once it is committed.</returns>
    public async Task<long> StoreAsync(byte[] body, CancellationToken cancellationToken)
    {
        var pending = new Pending(body, time.GetUtcNow(), new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The webhook intake has stopped.");
        }
        writeGate.IntakeQueued(1);
        // If the caller gives up after the commit, Meta retries and the mid dedupe absorbs the second copy.
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }
                await WriteAsync(batch);
                writeGate.IntakeQueued(-batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is still queued gets an error, so Meta keeps it and retries.
        }
        finally
        {
            if (writer is not null)
            {
                await writer.DisposeAsync();
            }
            queue.Writer.TryComplete();
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(new OperationCanceledException("The console is stopping."));
            }
            while (queue.Reader.TryRead(out var pending))
            {
                pending.Done.TrySetException(new OperationCanceledException("The console is stopping."));
            }
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            // Not the stopping token: a started commit finishes, so an answered request never loses its row.
            using var writing = await writeGate.EnterAsync(CancellationToken.None);
            writer ??= await IntakeWriter.OpenAsync(dbFactory);
            var ids = await writer.InsertAsync(batch.Select(p => (p.Body, p.ReceivedAt)).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(ids[i]);
            }
            signal.Notify();
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogError(ex, "Could not store {Count} webhook deliveries; they are answered with an error so Meta retries", batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
            // Start over with a fresh connection next time rather than trust one that just failed.
            if (writer is not null)
            {
                await writer.DisposeAsync();
                writer = null;
            }
        }
    }

    private sealed record Pending(byte[] Body, DateTimeOffset ReceivedAt, TaskCompletionSource<long> Done);
}
