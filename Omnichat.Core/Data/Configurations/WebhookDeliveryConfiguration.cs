using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        // Every webhook is one insert here, so each page an insert touches counts. Plain rowids, not AUTOINCREMENT,
        // which would rewrite the sqlite_sequence table on every commit; the retention job never deletes the newest row, so ids
        // are not reused.
        // EF 10's snapshot writer leaves this annotation out: after `migrations add`, put it back on Id in the snapshot
        // (the start-up check for pending model changes fails loudly until then).
        b.Property(d => d.Id).Metadata.SetValueGenerationStrategy(SqliteValueGenerationStrategy.None);
        b.Property(d => d.Error).HasMaxLength(1000);
        // The processor's query: what is still to do, in arrival order. Partial, so it holds only the backlog and
        // stays a few pages however many deliveries were ever stored.
        b.HasIndex(d => d.Id, "IX_WebhookDeliveries_Pending").HasFilter("\"State\" = 'Received'");
    }
}
