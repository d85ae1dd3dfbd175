using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Receiving;

/// <summary>
/// Keeps, in the processing transaction of the deliveries themselves, when each connection last received an event and
/// a customer message, and how many customer messages it received that day. Only webhooks count: what a back-fill
/// recovers was, by definition, not received.
/// </summary>
public static class ReceivingRecorder
{
    public static async Task RecordAsync(OmnichatDbContext db, IEnumerable<(DateTimeOffset ReceivedAt, ProcessedDelivery Processed)> deliveries,
        CancellationToken cancellationToken)
    {
        var latest = new Dictionary<Guid, (DateTimeOffset? Event, DateTimeOffset? Customer)>();
        var days = new Dictionary<(Guid ConnectionId, DateOnly Day), int>();
        foreach (var (receivedAt, processed) in deliveries)
        {
            foreach (var id in processed.Received)
            {
                var (lastEvent, lastCustomer) = latest.GetValueOrDefault(id);
                var customers = processed.CustomerMessages.GetValueOrDefault(id);
                latest[id] = (Later(lastEvent, receivedAt), customers > 0 ? Later(lastCustomer, receivedAt) : lastCustomer);
                if (customers > 0)
                {
                    var key = (id, ReceivingRule.Today(receivedAt));
                    days[key] = days.GetValueOrDefault(key) + customers;
                }
            }
        }
        foreach (var (id, (lastEvent, lastCustomer)) in latest)
        {
            // Tracked already: the applier loaded it to apply the events.
            if (await db.PageConnections.FindAsync([id], cancellationToken) is not { } connection)
            {
                continue;
            }
            connection.LastEventAt = Later(connection.LastEventAt, lastEvent);
            connection.LastCustomerMessageAt = Later(connection.LastCustomerMessageAt, lastCustomer);
        }
        foreach (var ((id, day), count) in days)
        {
            // Added in the database, not read and written back: two instances processing the same page's deliveries
            // on PostgreSQL both count. The first of a day inserts; an insert racing another one fails the chunk,
            // which is then processed delivery by delivery and finds the row.
            var updated = await db.ReceivingDays.Where(d => d.ConnectionId == id && d.Day == day)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.CustomerMessages, d => d.CustomerMessages + count), cancellationToken);
            if (updated == 0)
            {
                db.ReceivingDays.Add(new ReceivingDay { ConnectionId = id, Day = day, CustomerMessages = count });
            }
        }
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        _ => a > b ? a : b,
    };
}
