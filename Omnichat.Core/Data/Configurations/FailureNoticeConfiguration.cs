using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Health;

namespace Omnichat.Core.Data.Configurations;

internal sealed class FailureNoticeConfiguration : IEntityTypeConfiguration<FailureNotice>
{
    public void Configure(EntityTypeBuilder<FailureNotice> b)
    {
        b.Property(n => n.Person).HasMaxLength(64);
        // One open notice per team, cause and person: the database, not memory, decides whether a failure is new
        // (and gets an e-mail) or joins the one the team was already told about.
        b.HasIndex(n => new { n.TeamId, n.Cause, n.Person }).IsUnique().HasFilter("\"EndedAt\" IS NULL")
            .HasDatabaseName("IX_FailureNotices_Key_Open");
    }
}
