using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Health;

namespace Omnichat.Core.Data.Configurations;

internal sealed class FailureEpisodeConfiguration : IEntityTypeConfiguration<FailureEpisode>
{
    public void Configure(EntityTypeBuilder<FailureEpisode> b)
    {
        // One open episode per connection: the database, not memory, decides whether an episode (and its e-mail) starts.
        b.HasIndex(e => e.ConnectionId).IsUnique().HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_FailureEpisodes_ConnectionId_Open");
        b.HasIndex(e => new { e.ConnectionId, e.StartedAt });
        b.HasIndex(e => new { e.TeamId, e.EndedAt });
        // Whether a notice still has a failing page: asked each time a team's new failure is announced.
        b.HasIndex(e => e.NoticeId).HasFilter("\"EndedAt\" IS NULL").HasDatabaseName("IX_FailureEpisodes_NoticeId_Open");
    }
}
