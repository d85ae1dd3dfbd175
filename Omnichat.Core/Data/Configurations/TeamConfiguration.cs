using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(t => t.Name).HasMaxLength(200);
        b.Property(t => t.Culture).HasMaxLength(10);
        b.Property(t => t.TimeZone).HasMaxLength(64).HasDefaultValue(TeamTimeZones.Default);
        b.HasIndex(t => t.Name).IsUnique();
    }
}
