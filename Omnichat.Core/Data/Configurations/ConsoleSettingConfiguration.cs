using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Data.Configurations;

internal sealed class ConsoleSettingConfiguration : IEntityTypeConfiguration<ConsoleSetting>
{
    public void Configure(EntityTypeBuilder<ConsoleSetting> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(500);
    }
}
