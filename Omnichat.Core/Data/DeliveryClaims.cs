using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Data;

/// <summary>
/// Which stored webhook deliveries this transaction may process. On PostgreSQL several instances work one backlog: rows
/// are locked for the transaction, and rows another instance holds are skipped, so no delivery is applied twice at
/// once. On SQLite one writer at a time already serializes the processors.
/// </summary>
public static class DeliveryClaims
{
    /// <summary>Those of <paramref name="ids"/> still received and not held by another transaction, in arrival order.</summary>
    public static Task<List<WebhookDelivery>> ClaimReceivedAsync(this OmnichatDbContext db, long[] ids, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var received = nameof(WebhookDeliveryState.Received);
            return db.WebhookDeliveries
                .FromSql($"""SELECT * FROM "WebhookDeliveries" WHERE "Id" = ANY({ids}) AND "State" = {received} ORDER BY "Id" FOR UPDATE SKIP LOCKED""")
                .ToListAsync(cancellationToken);
        }
        return db.WebhookDeliveries.Where(d => ids.Contains(d.Id) && d.State == WebhookDeliveryState.Received)
            .OrderBy(d => d.Id).ToListAsync(cancellationToken);
    }
}
