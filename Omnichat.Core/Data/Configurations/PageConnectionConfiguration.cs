using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Channels;

namespace Omnichat.Core.Data.Configurations;

internal sealed class PageConnectionConfiguration : IEntityTypeConfiguration<PageConnection>
{
    public void Configure(EntityTypeBuilder<PageConnection> b)
    {
        b.Property(c => c.PageId).HasMaxLength(64);
        b.Property(c => c.PageName).HasMaxLength(300);
        b.HasIndex(c => new { c.TeamId, c.Status });
        // A page carries one team's conversations at a time: at most one live connection per page across all teams.
        b.HasIndex(c => c.PageId).IsUnique().HasFilter("\"Status\" <> 'Disconnected'").HasDatabaseName("IX_PageConnections_PageId_Live");
        b.HasIndex(c => new { c.TeamId, c.PageId });
    }
}
