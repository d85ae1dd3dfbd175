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
        b.Property(c => c.CustomerFirstName).HasMaxLength(100);
        b.Property(c => c.CustomerLastName).HasMaxLength(100);
        // One conversation per person and page in a team, across disconnect and connect again.
        b.HasIndex(c => new { c.TeamId, c.PageId, c.Psid }).IsUnique();
        // The inbox list: a team's conversations, newest first.
        b.HasIndex(c => new { c.TeamId, c.LastMessageAt });
        // The name lookup's queue: only conversations still without a name, oldest attempt (or none) first.
        b.HasIndex(c => c.CustomerProfileCheckedAt, "IX_Conversations_NameLookup")
            .HasFilter("\"CustomerFirstName\" IS NULL AND \"CustomerLastName\" IS NULL");
    }
}
