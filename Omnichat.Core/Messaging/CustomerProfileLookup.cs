using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Fills in customers' names from Messenger's User Profile API with the page token of the conversation's connection. A
/// failure leaves the PSID showing and is tried again only after <see cref="CustomerProfileOptions.RetryAfter"/>. It never
/// changes a connection's status: a token or permission problem is the hourly check's to decide.
/// </summary>
public sealed class CustomerProfileLookup(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    GraphClient graph,
    TokenProtector tokens,
    InboxNotifier notifier,
    IOptions<CustomerProfileOptions> options,
    TimeProvider time,
    ILogger<CustomerProfileLookup> logger)
{
    /// <summary>Looks up one batch; returns how many conversations it tried.</summary>
    public async Task<int> LookUpPendingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var retryBefore = now - settings.RetryAfter;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await (from c in db.Conversations
                             join p in db.PageConnections on c.ConnectionId equals p.Id
                             where c.CustomerFirstName == null && c.CustomerLastName == null
                                 && (c.CustomerProfileCheckedAt == null || c.CustomerProfileCheckedAt < retryBefore)
                                 // A broken connection's token would only fail; its conversations wait until it works again.
                                 && p.Status == ConnectionStatus.Healthy && p.ProtectedPageToken != null
                             orderby c.CustomerProfileCheckedAt, c.CreatedAt
                             select new { Conversation = c, p.ProtectedPageToken })
            .Take(settings.BatchSize).ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return 0;
        }

        var teams = new HashSet<Guid>();
        foreach (var item in pending)
        {
            var conversation = item.Conversation;
            var result = await graph.GetCustomerProfileAsync(conversation.Psid, tokens.Unprotect(item.ProtectedPageToken!), cancellationToken);
            conversation.CustomerProfileCheckedAt = now;
            if (result.IsSuccess && (result.Value.FirstName is not null || result.Value.LastName is not null))
            {
                conversation.CustomerFirstName = Limit(result.Value.FirstName);
                conversation.CustomerLastName = Limit(result.Value.LastName);
                teams.Add(conversation.TeamId);
                CustomerProfileLog.Found(logger, conversation.Id, conversation.PageId);
            }
            else if (result.Error is { } error)
            {
                CustomerProfileLog.Failed(logger, conversation.Id, conversation.PageId, error.Code, error.Subcode, settings.RetryAfter);
            }
            else
            {
                CustomerProfileLog.NoName(logger, conversation.Id, conversation.PageId, settings.RetryAfter);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var team in teams)
        {
            await notifier.NotifyAsync(team);
        }
        return pending.Count;
    }

    private static string? Limit(string? name) => name is { Length: > 100 } ? name[..100] : name;
}
