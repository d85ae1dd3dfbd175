using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;
using Omnichat.Core.Notifications;

namespace Omnichat.Core.Telemetry;

/// <summary>
/// What the gauges read from the database (connections by status and cause, the webhook backlog, pending e-mail, the
/// last completed check), read at most once per <see cref="RefreshInterval"/> whatever the scrape rate: with several
/// instances each scraped every 15 s, reading per scrape would multiply into a steady load on the database.
/// </summary>
public sealed class DatabaseGauges(IDbContextFactory<OmnichatDbContext> dbFactory, TimeProvider clock, ILogger<DatabaseGauges> logger)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    private readonly Lock refreshing = new();
    private DatabaseSnapshot? snapshot;
    private DateTimeOffset readAt;

    /// <summary>
    /// The latest reading, read again when it is older than a minute. Synchronous because observable instruments are:
    /// a scrape waits for one short read a minute at most. A failed read keeps the previous values, so a database
    /// blip shows as a stale gauge rather than a gap.
    /// </summary>
    public DatabaseSnapshot? Current
    {
        get
        {
            lock (refreshing)
            {
                var now = clock.GetUtcNow();
                if (snapshot is null || now - readAt >= RefreshInterval)
                {
                    try
                    {
                        snapshot = Read();
                    }
                    catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
                    {
                        logger.LogWarning(ex, "Could not read the telemetry gauges from the database; keeping the previous values");
                    }
                    // Also after a failure: a database that is down is asked again in a minute, not on every scrape.
                    readAt = now;
                }
                return snapshot;
            }
        }
    }

    private DatabaseSnapshot Read()
    {
        using var db = dbFactory.CreateDbContext();
        var connections = db.PageConnections.AsNoTracking()
            .GroupBy(c => new { c.Status, c.Cause })
            .Select(g => new { g.Key.Status, g.Key.Cause, Count = g.Count() })
            .ToList()
            .Select(g => new ConnectionCount(g.Status, g.Cause, g.Count))
            .ToList();
        var backlog = db.WebhookDeliveries.AsNoTracking().Count(d => d.State == WebhookDeliveryState.Received);
        var pendingEmails = db.OutboxEmails.AsNoTracking().Count(e => e.State == EmailState.Pending);
        var lastCheck = db.CheckRuns.AsNoTracking().OrderByDescending(r => r.CompletedAt).Select(r => (DateTimeOffset?)r.CompletedAt).FirstOrDefault();
        return new DatabaseSnapshot(connections, backlog, pendingEmails, lastCheck);
    }
}
