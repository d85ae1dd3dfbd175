using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Messaging;

/// <summary>Reads a team's conversations for the inbox pages; every query is scoped to the caller's team.</summary>
public sealed class InboxService(IDbContextFactory<OmnichatDbContext> dbFactory, ReplyService replies, InboxNotifier notifier)
{
    public const int MaxConversations = 200;
    public const int MaxMessages = 500;

    /// <summary>Newest first, across the team's pages, connected or not (history stays after a disconnect).</summary>
    public async Task<IReadOnlyList<ConversationSummary>> ListAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await (from c in db.Conversations.AsNoTracking()
                          join p in db.PageConnections.AsNoTracking() on c.ConnectionId equals p.Id
                          where c.TeamId == teamId
                          orderby c.LastMessageAt descending
                          select new ConversationSummary(c.Id, c.PageId, p.PageName, c.Psid, c.LastMessageAt, c.LastMessagePreview, c.UnreadCount, p.Status,
                              c.CustomerFirstName, c.CustomerLastName,
                              db.Messages.Any(m => m.ConversationId == c.Id && m.DeliveryState == DeliveryState.Failed)))
            .Take(MaxConversations).ToListAsync(cancellationToken);
        return rows;
    }

    public async Task<ConversationThread?> GetAsync(Caller caller, Guid conversationId, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId)
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == conversationId && c.TeamId == teamId, cancellationToken);
        if (conversation is null)
        {
            return null;
        }
        var connection = await db.PageConnections.AsNoTracking().SingleAsync(c => c.Id == conversation.ConnectionId, cancellationToken);
        var messages = await db.Messages.AsNoTracking().Where(m => m.ConversationId == conversationId)
            .OrderByDescending(m => m.At).Take(MaxMessages).ToListAsync(cancellationToken);
        var summary = new ConversationSummary(conversation.Id, conversation.PageId, connection.PageName, conversation.Psid,
            conversation.LastMessageAt, conversation.LastMessagePreview, conversation.UnreadCount, connection.Status,
            conversation.CustomerFirstName, conversation.CustomerLastName, messages.Any(m => m.DeliveryState == DeliveryState.Failed));
        return new ConversationThread(summary, messages.OrderBy(m => m.At).Select(MessageView.From).ToList(), connection.Id,
            connection.Status, connection.Cause, replies.WindowFor(conversation.LastCustomerMessageAt));
    }

    /// <summary>The agent opened the conversation: its unread count goes to zero.</summary>
    public async Task MarkReadAsync(Caller caller, Guid conversationId, CancellationToken cancellationToken)
    {
        if (caller.TeamId is not Guid teamId || caller.IsSupport)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.Conversations.Where(c => c.Id == conversationId && c.TeamId == teamId && c.UnreadCount > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UnreadCount, 0), cancellationToken);
        if (changed > 0)
        {
            await notifier.NotifyAsync(teamId);
        }
    }
}
