using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Receiving;

namespace Omnichat.Core.Data.Configurations;

internal sealed class ReceivingDayConfiguration : IEntityTypeConfiguration<ReceivingDay>
{
    public void Configure(EntityTypeBuilder<ReceivingDay> b)
    {
        // The channel page reads a team's connections' last days; processing adds to one row by this key.
        b.HasKey(d => new { d.ConnectionId, d.Day });
        // The daily clean-up removes old days across all connections.
        b.HasIndex(d => d.Day);
    }
}
