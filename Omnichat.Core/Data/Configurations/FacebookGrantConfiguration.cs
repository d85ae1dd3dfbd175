using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Channels;

namespace Omnichat.Core.Data.Configurations;

internal sealed class FacebookGrantConfiguration : IEntityTypeConfiguration<FacebookGrant>
{
    public void Configure(EntityTypeBuilder<FacebookGrant> b)
    {
        b.Property(g => g.FacebookUserId).HasMaxLength(64);
        b.Property(g => g.FacebookUserName).HasMaxLength(200);
        b.Property(g => g.ClientBusinessId).HasMaxLength(64);
        b.HasIndex(g => new { g.TeamId, g.FacebookUserId }).IsUnique();
        b.HasMany(g => g.Pages).WithOne(p => p.Grant).HasForeignKey(p => p.GrantId).OnDelete(DeleteBehavior.Cascade);
    }
}
