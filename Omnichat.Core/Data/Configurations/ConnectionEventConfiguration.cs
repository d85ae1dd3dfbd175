using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Channels;

namespace Omnichat.Core.Data.Configurations;

internal sealed class ConnectionEventConfiguration : IEntityTypeConfiguration<ConnectionEvent>
{
    public void Configure(EntityTypeBuilder<ConnectionEvent> b)
    {
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.HasIndex(e => new { e.ConnectionId, e.At });
        b.HasIndex(e => new { e.TeamId, e.At });
    }
}
