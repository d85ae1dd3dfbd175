using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Receiving;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Processes stored deliveries in arrival order, each in one transaction with its "processed" mark, so a crash
/// either leaves a delivery untouched (it is done again after the restart) or fully applied: exactly once.
/// </summary>
public sealed class WebhookProcessor(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    WebhookSignal signal,
    WebhookWriteGate writeGate,
    ReceiverWatch receiverWatch,
    InboxNotifier notifier,
    CustomerProfileSignal profileSignal,
    IOptions<FacebookOptions> facebook,
    TimeProvider time,
    OmnichatMetrics metrics,
    WebhookTraceLinks traceLinks,
    ILogger<WebhookProcessor> logger) : BackgroundService
{
    public const int MaxAttempts = 5;
    private const int BatchSize = 100;
    private const int ChunkSize = 10;
    private static readonly TimeSpan IdleInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxYield = TimeSpan.FromMilliseconds(250);
    private readonly ProcessingPace pace = new(writeGate, TimeProvider.System);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await ProcessPendingAsync(stoppingToken) == 0)
                {
                    await signal.WaitAsync(IdleInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Webhook processing failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    /// <summary>Processes up to one batch of stored deliveries; returns how many it looked at.</summary>
    public async Task<int> ProcessPendingAsync(CancellationToken cancellationToken)
    {
        List<long> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            ids = await db.WebhookDeliveries.AsNoTracking()
                .Where(d => d.State == WebhookDeliveryState.Received)
                .OrderBy(d => d.Id).Select(d => d.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }
        var teams = new HashSet<Guid>();
        var signals = new Dictionary<Guid, bool>();
        var newConversations = false;
        foreach (var chunk in ids.Chunk(ChunkSize))
        {
            await pace.RestWhileOverloadedAsync(cancellationToken);
            await writeGate.YieldToIntakeAsync(MaxYield, cancellationToken);
            // A few deliveries per transaction: one commit instead of several. If any of them fails, the chunk is
            // rolled back and each is done on its own, so one bad body never holds up the others.
            var started = pace.Now;
            var processed = await ProcessChunkAsync(chunk, cancellationToken);
            pace.Processed(chunk.Length, started);
            if (processed is null)
            {
                processed = [];
                foreach (var id in chunk)
                {
                    if (await ProcessOneAsync(id, cancellationToken) is { } one)
                    {
                        processed.Add(one);
                    }
                }
            }
            foreach (var delivery in processed)
            {
                teams.UnionWith(delivery.Teams);
                newConversations |= delivery.NewConversations > 0;
                foreach (var (connectionId, standby) in delivery.ReceiverSignals)
                {
                    signals[connectionId] = standby;
                }
            }
        }
        if (signals.Count > 0)
        {
            await receiverWatch.ApplyAsync(signals, cancellationToken);
        }
        foreach (var team in teams)
        {
            await notifier.NotifyAsync(team);
        }
        if (newConversations)
        {
            // Only a wake-up: the name lookup makes its Graph calls on its own loop.
            profileSignal.Notify();
        }
        return ids.Count;
    }

    private async Task<List<ProcessedDelivery>?> ProcessChunkAsync(long[] ids, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var activity = OmnichatTracing.StartWebhookProcessing(ids.Length, traceLinks.Take(ids));
        using var writing = await writeGate.EnterAsync(cancellationToken);
        try
        {
            await using var db = await OpenAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var deliveries = await db.ClaimReceivedAsync(ids, cancellationToken);
            var applier = new WebhookEventApplier(db, facebook.Value.AppId, now);
            var results = new List<ProcessedDelivery>();
            var received = new List<(DateTimeOffset, ProcessedDelivery)>();
            var applied = new List<WebhookEvent>();
            foreach (var delivery in deliveries)
            {
                var events = WebhookPayload.Parse(delivery.Body);
                applied.AddRange(events);
                var processed = await applier.ApplyAsync(delivery, events, cancellationToken);
                results.Add(processed);
                received.Add((delivery.ReceivedAt, processed));
                delivery.State = WebhookDeliveryState.Processed;
                delivery.ProcessedAt = now;
                delivery.Attempts++;
            }
            await ReceivingRecorder.RecordAsync(db, received, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            metrics.WebhookEventsProcessed(applied, time.GetUtcNow());
            return results;
        }
        catch (Exception ex) when (ex is DbUpdateException or JsonException or InvalidOperationException)
        {
            logger.LogInformation(ex, "A chunk of {Count} webhook deliveries failed; processing them one by one", ids.Length);
            return null;
        }
    }

    private async Task<ProcessedDelivery?> ProcessOneAsync(long id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        using var activity = OmnichatTracing.StartWebhookProcessing(1, traceLinks.Take([id]));
        // Short turns: the intake gets the writer between two deliveries, so a backlog never delays a 200 for long.
        using var writing = await writeGate.EnterAsync(cancellationToken);
        try
        {
            await using var db = await OpenAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Already processed, or being processed by another instance right now.
            if ((await db.ClaimReceivedAsync([id], cancellationToken)).SingleOrDefault() is not { } delivery)
            {
                return null;
            }
            var events = WebhookPayload.Parse(delivery.Body);
            var applier = new WebhookEventApplier(db, facebook.Value.AppId, now);
            var processed = await applier.ApplyAsync(delivery, events, cancellationToken);
            delivery.State = WebhookDeliveryState.Processed;
            delivery.ProcessedAt = now;
            delivery.Attempts++;
            await ReceivingRecorder.RecordAsync(db, [(delivery.ReceivedAt, processed)], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            metrics.WebhookEventsProcessed(events, time.GetUtcNow());
            if (processed.Parked > 0)
            {
                logger.LogInformation("Webhook delivery {DeliveryId}: {Parked} events for pages without a live connection were kept aside", id, processed.Parked);
            }
            return processed;
        }
        catch (Exception ex) when (ex is DbUpdateException or JsonException or InvalidOperationException)
        {
            logger.LogError(ex, "Webhook delivery {DeliveryId} could not be processed", id);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == id, cancellationToken);
            delivery.Attempts++;
            delivery.Error = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            if (delivery.Attempts >= MaxAttempts)
            {
                delivery.State = WebhookDeliveryState.Failed;
            }
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
    }

    /// <summary>
    /// A context whose commits need not wait for the disk: each transaction carries its deliveries' "processed" mark,
    /// so if a power cut loses it, the deliveries are simply processed again. It also holds the write gate for less.
    /// </summary>
    private async Task<OmnichatDbContext> OpenAsync(CancellationToken cancellationToken)
    {
        var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            SqliteWriteAheadLog.CommitWithoutSync(db);
        }
        return db;
    }
}
