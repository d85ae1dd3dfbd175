using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Data;
using Omnichat.Core.Health;
using Omnichat.Core.Messaging;
using Omnichat.Core.Receiving;

namespace Omnichat.Core.Retention;

/// <summary>
/// The daily clean-up: keeps what people need and drops the rest. Passed checks older than
/// <see cref="RetentionOptions.PassedChecks"/> become one <see cref="DailyCheckCount"/> per connection and day; processed
/// webhook bodies and parked events go after their own time. Status changes, episodes, notices, e-mails, failed,
/// inconclusive and repaired checks and the audit are never touched. Works in batches, each its own transaction, so a
/// first run over a large database never holds SQLite's write lock for long and a crash loses nothing half-done.
/// </summary>
public sealed class RetentionService(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<RetentionService> logger)
{
    private RetentionOptions Options => options.Value;

    public async Task<RetentionSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var summary = new RetentionSummary(
            await RollUpPassedChecksAsync(now - Options.PassedChecks, cancellationToken),
            await RemoveWebhookBodiesAsync(now - Options.WebhookBodies, cancellationToken),
            await RemoveParkedEventsAsync(now - Options.ParkedEvents, cancellationToken),
            await RemoveReceivingDaysAsync(ReceivingRule.Today(now).AddDays(-ReceivingOptionsValidator.MaxDays), cancellationToken));
        logger.LogInformation("Retention: {Checks} passed checks rolled up into daily counts, {Bodies} webhook bodies, {Parked} parked events and {Days} receiving days removed",
            summary.PassedChecksRolledUp, summary.WebhookBodiesRemoved, summary.ParkedEventsRemoved, summary.ReceivingDaysRemoved);
        return summary;
    }

    private async Task<int> RollUpPassedChecksAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var old = db.ConnectionChecks.Where(c => c.Outcome == CheckOutcome.Passed && c.At < before);
            var chunk = await old.OrderBy(c => c.Id).Take(Options.BatchSize)
                .Select(c => new { c.Id, c.ConnectionId, c.TeamId, c.At })
                .ToListAsync(cancellationToken);
            if (chunk.Count == 0)
            {
                return total;
            }
            var counts = chunk.GroupBy(c => (c.ConnectionId, c.TeamId, Day: DateOnly.FromDateTime(c.At.UtcDateTime)))
                .ToDictionary(g => g.Key, g => g.Count());
            var connectionIds = counts.Keys.Select(k => k.ConnectionId).Distinct().ToList();
            var days = counts.Keys.Select(k => k.Day).Distinct().ToList();
            // A day's checks may span two clean-ups (the cut-off moves by the hour): add to a count already there.
            var existing = await db.DailyCheckCounts
                .Where(d => connectionIds.Contains(d.ConnectionId) && days.Contains(d.Day))
                .ToDictionaryAsync(d => (d.ConnectionId, d.Day), cancellationToken);
            foreach (var ((connectionId, teamId, day), passed) in counts)
            {
                if (existing.TryGetValue((connectionId, day), out var count))
                {
                    count.Passed += passed;
                }
                else
                {
                    db.DailyCheckCounts.Add(new DailyCheckCount { ConnectionId = connectionId, TeamId = teamId, Day = day, Passed = passed });
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            var upTo = chunk[^1].Id;
            total += await old.Where(c => c.Id <= upTo).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<int> RemoveWebhookBodiesAsync(DateTimeOffset processedBefore, CancellationToken cancellationToken)
    {
        long? newest;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            newest = await db.WebhookDeliveries.MaxAsync(d => (long?)d.Id, cancellationToken);
        }
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            // Only processed ones: a pending body is work still to do, a failed one waits for an engineer. The newest
            // row stays whatever its age, because ids are plain rowids and SQLite would hand a deleted maximum out again.
            var old = db.WebhookDeliveries.Where(d => d.State == WebhookDeliveryState.Processed && d.ProcessedAt < processedBefore && d.Id < newest);
            if (await LastOfBatchAsync(old.Select(d => d.Id), cancellationToken) is not { } upTo)
            {
                return total;
            }
            total += await old.Where(d => d.Id <= upTo).ExecuteDeleteAsync(cancellationToken);
        }
    }

    private async Task<int> RemoveParkedEventsAsync(DateTimeOffset parkedBefore, CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var old = db.ParkedEvents.Where(e => e.ParkedAt < parkedBefore);
            if (await LastOfBatchAsync(old.Select(e => e.Id), cancellationToken) is not { } upTo)
            {
                return total;
            }
            total += await old.Where(e => e.Id <= upTo).ExecuteDeleteAsync(cancellationToken);
        }
    }

    /// <summary>Daily customer-message counts older than the longest average the rule may be configured to take.</summary>
    private async Task<int> RemoveReceivingDaysAsync(DateOnly before, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One row per connection and day: even a large first clean-up is a short statement.
        return await db.ReceivingDays.Where(d => d.Day < before).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The highest of the first <see cref="RetentionOptions.BatchSize"/> ids, or null when there are none.</summary>
    private Task<long?> LastOfBatchAsync(IQueryable<long> ids, CancellationToken cancellationToken) =>
        ids.OrderBy(i => i).Take(Options.BatchSize).MaxAsync(i => (long?)i, cancellationToken);
}
