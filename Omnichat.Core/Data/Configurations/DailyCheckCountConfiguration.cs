using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Health;

namespace Omnichat.Core.Data.Configurations;

internal sealed class DailyCheckCountConfiguration : IEntityTypeConfiguration<DailyCheckCount>
{
    public void Configure(EntityTypeBuilder<DailyCheckCount> b)
    {
        b.HasKey(c => new { c.ConnectionId, c.Day });
        b.HasIndex(c => new { c.TeamId, c.Day });
    }
}
