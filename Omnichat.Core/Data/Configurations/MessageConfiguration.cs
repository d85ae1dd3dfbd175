using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Data.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> b)
    {
        b.Property(m => m.PageId).HasMaxLength(64);
        b.Property(m => m.Mid).HasMaxLength(200);
        b.Property(m => m.AgentName).HasMaxLength(200);
        b.Property(m => m.MessagingType).HasMaxLength(16);
        b.Property(m => m.Tag).HasMaxLength(32);
        b.Property(m => m.FbTraceId).HasMaxLength(64);
        b.Property(m => m.AppId).HasMaxLength(32);
        b.Property(m => m.ErrorMessage).HasMaxLength(1000);
        // Idempotency lives in the database, not in memory: a mid is stored once per page, whatever Meta resends.
        b.HasIndex(m => new { m.PageId, m.Mid }).IsUnique().HasFilter("\"Mid\" IS NOT NULL");
        // A thread, in time order.
        b.HasIndex(m => new { m.ConversationId, m.At });
    }
}
