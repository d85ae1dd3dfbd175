using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Health;

namespace Omnichat.Core.Data.Configurations;

internal sealed class ConnectionCheckConfiguration : IEntityTypeConfiguration<ConnectionCheck>
{
    public void Configure(EntityTypeBuilder<ConnectionCheck> b)
    {
        b.HasIndex(c => new { c.ConnectionId, c.At });
        b.HasIndex(c => new { c.TeamId, c.At });
    }
}
