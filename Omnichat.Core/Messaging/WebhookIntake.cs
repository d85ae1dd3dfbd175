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
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            var ids = await InsertAsync(db, batch);
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
        }
    }

    // The hot path of every webhook: one prepared INSERT per body in one transaction, without change tracking.
    // Plain SQL that SQLite and PostgreSQL both run; the column types follow the EF model (instants as UTC ticks).
    private static async Task<long[]> InsertAsync(OmnichatDbContext db, List<Pending> batch)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "WebhookDeliveries" ("Body", "ReceivedAt", "State", "Attempts")
            VALUES (@body, @receivedAt, @state, 0) RETURNING "Id"
            """;
        var body = AddParameter(command, "@body");
        var receivedAt = AddParameter(command, "@receivedAt");
        AddParameter(command, "@state").Value = nameof(WebhookDeliveryState.Received);
        var ids = new long[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            body.Value = batch[i].Body;
            receivedAt.Value = batch[i].ReceivedAt.UtcTicks;
            ids[i] = Convert.ToInt64(await command.ExecuteScalarAsync(CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return ids;
    }

    private static System.Data.Common.DbParameter AddParameter(System.Data.Common.DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private sealed record Pending(byte[] Body, DateTimeOffset ReceivedAt, TaskCompletionSource<long> Done);
}
