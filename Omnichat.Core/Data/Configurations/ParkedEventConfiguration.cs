using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Data.Configurations;

internal sealed class ParkedEventConfiguration : IEntityTypeConfiguration<ParkedEvent>
{
    public void Configure(EntityTypeBuilder<ParkedEvent> b)
    {
        b.Property(e => e.PageId).HasMaxLength(64);
        b.Property(e => e.Field).HasMaxLength(16);
        // Covers the support list (per page: counts, first and last event, standby share, reason) without reading the
        // event JSON: a run of the webhook benchmark parks half a million events under one page id.
        b.HasIndex(e => new { e.PageId, e.EventAt, e.Field, e.Reason });
    }
}
