using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Channels;

namespace Omnichat.Core.Data.Configurations;

internal sealed class AuthorizedPageConfiguration : IEntityTypeConfiguration<AuthorizedPage>
{
    public void Configure(EntityTypeBuilder<AuthorizedPage> b)
    {
        b.Property(p => p.PageId).HasMaxLength(64);
        b.Property(p => p.Name).HasMaxLength(300);
        b.HasIndex(p => new { p.GrantId, p.PageId }).IsUnique();
        b.HasIndex(p => new { p.TeamId, p.PageId });
        // Support names a parked page by any team's authorization of it (ParkedEventsService), across teams.
        b.HasIndex(p => p.PageId);
    }
}
