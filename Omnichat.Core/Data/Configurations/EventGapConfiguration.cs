using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Backfill;

namespace Omnichat.Core.Data.Configurations;

internal sealed class EventGapConfiguration : IEntityTypeConfiguration<EventGap>
{
    public void Configure(EntityTypeBuilder<EventGap> b)
    {
        b.Property(g => g.PageId).HasMaxLength(64);
        b.Property(g => g.BackfillError).HasMaxLength(1000);
        b.Property(g => g.RequestedBy).HasMaxLength(200);
        // The connection's timeline and its open gaps.
        b.HasIndex(g => new { g.ConnectionId, g.StartedAt });
        // The channel page: each connection's latest gap of the last week.
        b.HasIndex(g => new { g.TeamId, g.EndedAt });
        // The back-fill worker's queue.
        b.HasIndex(g => new { g.Backfill, g.LeaseUntil });
    }
}
