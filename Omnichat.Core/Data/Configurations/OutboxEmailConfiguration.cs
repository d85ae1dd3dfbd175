using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Notifications;

namespace Omnichat.Core.Data.Configurations;

internal sealed class OutboxEmailConfiguration : IEntityTypeConfiguration<OutboxEmail>
{
    public void Configure(EntityTypeBuilder<OutboxEmail> b)
    {
        b.HasIndex(e => new { e.TeamId, e.Kind, e.RunId }).IsUnique();
        b.HasIndex(e => new { e.State, e.NextAttemptAt });
        b.HasIndex(e => new { e.TeamId, e.CreatedAt });
    }
}
