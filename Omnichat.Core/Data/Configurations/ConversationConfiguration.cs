using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> b)
    {
        b.Property(c => c.PageId).HasMaxLength(64);
        b.Property(c => c.Psid).HasMaxLength(64);
        b.Property(c => c.LastMessagePreview).HasMaxLength(200);
        // One conversation per person and page in a team, across disconnect and connect again.
        b.HasIndex(c => new { c.TeamId, c.PageId, c.Psid }).IsUnique();
        // The inbox list: a team's conversations, newest first.
        b.HasIndex(c => new { c.TeamId, c.LastMessageAt });
    }
}
