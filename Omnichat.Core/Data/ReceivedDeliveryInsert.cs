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

    /// <returns>The new rows' ids, in the order of <paramref name="bodies"/>, once committed.</returns>
    public abstract long[] Insert(IReadOnlyList<WebhookIntake.Pending> bodies);

    public abstract void Dispose();
}
