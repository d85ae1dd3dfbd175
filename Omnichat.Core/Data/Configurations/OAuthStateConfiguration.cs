using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Channels;

namespace Omnichat.Core.Data.Configurations;

internal sealed class OAuthStateConfiguration : IEntityTypeConfiguration<OAuthState>
{
    public void Configure(EntityTypeBuilder<OAuthState> b)
    {
        b.Property(s => s.StateHash).HasMaxLength(64);
        b.HasIndex(s => s.StateHash).IsUnique();
        b.HasIndex(s => s.ExpiresAt);
    }
}
