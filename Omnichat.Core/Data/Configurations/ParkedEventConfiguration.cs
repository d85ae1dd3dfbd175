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
        b.HasIndex(e => new { e.PageId, e.EventAt });
    }
}
