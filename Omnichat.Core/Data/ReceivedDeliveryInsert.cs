using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Data;

/// <summary>
/// How the webhook intake writes one group of received bodies on each provider: one committed transaction per group,
/// the new ids handed back in the order of the bodies. Synchronous, on the intake's own thread, over the intake's one
/// open connection; plain SQL whose columns follow the EF model (instants as UTC ticks).
/// </summary>
internal abstract class ReceivedDeliveryInsert : IDisposable
{
    /// <summary>The provider's way, on <paramref name="db"/>'s open connection.</summary>
    public static ReceivedDeliveryInsert On(OmnichatDbContext db) =>
        db.Database.IsNpgsql() ? new PostgresReceivedDeliveryInsert(db) : new SqliteReceivedDeliveryInsert(db);

    /// <summary>
    /// How many connections write groups at once. SQLite: one, since it has one write lock; the intake overlaps the next
    /// group with the disk sync of the last instead. PostgreSQL: a commit returns only once its log is flushed, and
    /// commits waiting together share one flush (the server's own group commit), so several connections, each with a
    /// group in flight, keep the disk busy instead of taking turns waiting on it.
    /// </summary>
    public static int ConcurrentWriters(OmnichatDbContext db) => db.Database.IsNpgsql() ? 4 : 1;

    /// <returns>The new rows' ids, in the order of <paramref name="bodies"/>, once committed.</returns>
    public abstract long[] Insert(IReadOnlyList<WebhookIntake.Pending> bodies);

    public abstract void Dispose();
}
