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
        // The support list (IntegrationStatusService): one bucket per status read in page-name order, and covering
        // every column the list filters and shows, so counts and searches scan this narrow index, not the rows with tokens.
        b.HasIndex(c => new { c.Status, c.PageName, c.Id, c.TeamId, c.PageId, c.Cause, c.LastCheckedAt }).HasDatabaseName("IX_PageConnections_List");
        b.HasIndex(c => new { c.PageName, c.Id });
        b.HasIndex(c => new { c.LastCheckedAt, c.Id });
    }
}
