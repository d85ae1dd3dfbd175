using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Health;

namespace Omnichat.Core.Data.Configurations;

internal sealed class CheckRunConfiguration : IEntityTypeConfiguration<CheckRun>
{
    public void Configure(EntityTypeBuilder<CheckRun> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Instance).HasMaxLength(200);
        // "When did a scheduled run last complete" is read by /healthz and the overdue watch.
        b.HasIndex(r => r.CompletedAt);
    }
}
