using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Messaging;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core.Backfill;

/// <summary>
/// Reads one closed gap back from the Conversations API (§17): the page's threads newest first while they were updated
/// inside or after the gap, each thread's messages newest first down to the gap's start, and imports every message
/// written inside the gap that the inbox does not hold yet, oldest first, marked recovered. Messages Meta lists without
/// details (past the 20 most recent) are counted as unrecoverable. Never reaches before the page was connected (FAQ 3).
/// </summary>
public sealed class BackfillRunner(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    GraphClient graph,
    TokenProtector tokens,
    ConversationsPacer pacer,
    InboxNotifier inbox,
    ChannelChangeNotifier channels,
    OmnichatMetrics metrics,
    IOptions<BackfillOptions> options,
    IOptions<FacebookOptions> facebook,
    TimeProvider time,
    ILogger<BackfillRunner> logger)
{
    /// <summary>Answers that mean "too many calls, wait": Meta's Conversations limit, page and app rate limits (§8, §10).</summary>
    private static readonly int[] RateLimitCodes = [80006, 613, 4, 17, 32];

    /// <summary>
    /// Open pages hear of a running back-fill's progress at most this often: a page of 200 threads saves its counts
    /// about twice a second, and each notice reloads the team's channel page.
    /// </summary>
    public static readonly TimeSpan ProgressNoticeInterval = TimeSpan.FromSeconds(2);

    public async Task RunAsync(Guid gapId, CancellationToken cancellationToken)
    {
        Window? window;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            window = await WindowAsync(db, gapId, cancellationToken);
        }
        if (window is null)
        {
            return;
        }
        logger.LogInformation("Back-fill of gap {GapId} for page {PageId} from {From} to {To}", gapId, window.PageId, window.From, window.To);
        var progress = new Progress { LastNotice = time.GetUtcNow() };
        // Open pages show it running from now on (the worker's claim changed its state).
        await channels.NotifyAsync(window.TeamId, cancellationToken);
        string? stopped = null;
        try
        {
            stopped = await WalkAsync(window, progress, cancellationToken);
        }
        finally
        {
            await FinishAsync(gapId, window, progress, stopped, cancellationToken);
        }
    }

    /// <summary>What to read, and with which token; null when there is nothing (left) to read.</summary>
    private async Task<Window?> WindowAsync(OmnichatDbContext db, Guid gapId, CancellationToken cancellationToken)
    {
        var gap = await db.EventGaps.SingleOrDefaultAsync(g => g.Id == gapId, cancellationToken);
        if (gap?.EndedAt is not { } ended)
        {
            return null;
        }
        var connection = await db.PageConnections.SingleOrDefaultAsync(c => c.Id == gap.ConnectionId, cancellationToken);
        if (connection is null || connection.Status == ConnectionStatus.Disconnected || connection.ProtectedPageToken is null)
        {
            gap.Backfill = BackfillState.Skipped;
            gap.BackfillEndedAt = time.GetUtcNow();
            gap.LeaseUntil = null;
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        // Graph's times are whole seconds, so the window is too: it takes in the whole second it starts and ends in,
        // except when it starts as the page was connected (the gap never starts earlier: GapRecorder). Then it begins at
        // the next whole second, so a message of the second before the connection is never taken for one after (FAQ 3).
        var from = gap.StartedAt <= connection.ConnectedAt ? CeilingSecond(connection.ConnectedAt) : FloorSecond(gap.StartedAt);
        return new Window(gap.Id, connection.TeamId, connection.PageId, tokens.Unprotect(connection.ProtectedPageToken),
            from, CeilingSecond(ended));
    }

    /// <returns>Why it stopped early, or null when it read everything it could.</returns>
    private async Task<string?> WalkAsync(Window window, Progress progress, CancellationToken cancellationToken)
    {
        string? after = null;
        while (true)
        {
            var listed = await CallAsync(window.PageId, () => graph.GetConversationsAsync(window.PageId, window.Token, after, null, cancellationToken), cancellationToken);
            if (!listed.IsSuccess)
            {
                // Meta's high-volume limit fails the listing but not single threads: read the customers the inbox knows.
                return RateLimitCodes.Contains(listed.Error.Code) || listed.Error.Code is 190 or 10 or 200
                    ? Describe(listed.Error)
                    : await KnownThreadsAsync(window, progress, listed.Error, cancellationToken);
            }
            var page = listed.Value;
            foreach (var thread in page.Items.Where(t => t.UpdatedTime >= window.From))
            {
                if (await ReadThreadAsync(window, thread.Id, progress, cancellationToken) is { } error)
                {
                    return error;
                }
            }
            // Newest first is what samples show, not a promise: stop only after a whole page older than the gap.
            if (page.After is null || page.Items.All(t => t.UpdatedTime < window.From))
            {
                return null;
            }
            after = page.After;
        }
    }

    private async Task<string?> KnownThreadsAsync(Window window, Progress progress, GraphError listing, CancellationToken cancellationToken)
    {
        List<string> psids;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            psids = await db.Conversations.AsNoTracking().Where(c => c.TeamId == window.TeamId && c.PageId == window.PageId)
                .OrderByDescending(c => c.LastMessageAt).Select(c => c.Psid).ToListAsync(cancellationToken);
        }
        logger.LogWarning("Back-fill of gap {GapId}: listing page {PageId}'s conversations failed ({Code}); reading {Count} known customers one by one",
            window.GapId, window.PageId, listing.Code, psids.Count);
        foreach (var psid in psids)
        {
            var found = await CallAsync(window.PageId, () => graph.GetConversationsAsync(window.PageId, window.Token, null, psid, cancellationToken), cancellationToken);
            if (!found.IsSuccess)
            {
                return Describe(found.Error);
            }
            foreach (var thread in found.Value.Items.Where(t => t.UpdatedTime >= window.From))
            {
                if (await ReadThreadAsync(window, thread.Id, progress, cancellationToken) is { } error)
                {
                    return error;
                }
            }
        }
        // New customers who first wrote in the gap cannot be found without the listing: say so, never skip silently.
        return Describe(listing);
    }

    private async Task<string?> ReadThreadAsync(Window window, string conversationId, Progress progress, CancellationToken cancellationToken)
    {
        var inGap = new List<ConversationMessage>();
        string? after = null;
        while (true)
        {
            var read = await CallAsync(window.PageId, () => graph.GetConversationMessagesAsync(conversationId, window.Token, after, cancellationToken), cancellationToken);
            if (!read.IsSuccess)
            {
                return Describe(read.Error);
            }
            inGap.AddRange(read.Value.Items.Where(m => m.CreatedTime >= window.From && m.CreatedTime <= window.To));
            if (read.Value.After is null || read.Value.Items.Count == 0 || read.Value.Items.Min(m => m.CreatedTime) < window.From)
            {
                break;
            }
            after = read.Value.After;
        }
        progress.Conversations++;
        progress.Unrecoverable += inGap.Count(m => !m.Detailed);
        var detailed = InWritingOrder(inGap.Where(m => m.Detailed));
        if (detailed.Count > 0)
        {
            progress.Recovered += await ImportAsync(window, detailed, cancellationToken);
        }
        await SaveProgressAsync(window.GapId, progress, cancellationToken);
        if (time.GetUtcNow() - progress.LastNotice >= ProgressNoticeInterval)
        {
            progress.LastNotice = time.GetUtcNow();
            await channels.NotifyAsync(window.TeamId, cancellationToken);
        }
        return null;
    }

    /// <summary>One thread's messages of the gap, oldest first, through the webhook's own applier: same conversations, same ids.</summary>
    private async Task<int> ImportAsync(Window window, IReadOnlyList<ConversationMessage> messages, CancellationToken cancellationToken)
    {
        var psid = messages.Select(m => m.FromId == window.PageId ? m.ToId : m.FromId).FirstOrDefault(p => p is not null && p != window.PageId);
        if (psid is null)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var known = (await db.Messages.AsNoTracking()
                .Where(m => m.TeamId == window.TeamId && m.PageId == window.PageId && m.At >= window.From.AddSeconds(-1) && m.At <= window.To.AddSeconds(1)
                    && db.Conversations.Any(c => c.Id == m.ConversationId && c.Psid == psid))
                .Select(m => new { m.Direction, m.At, m.Text, m.AttachmentsJson })
                .ToListAsync(cancellationToken))
            .Select(m => RecoveryKey.Of(m.Direction, m.At, m.Text, AttachmentUrls(m.AttachmentsJson)))
            .ToHashSet();
        var events = messages
            .Where(m => !known.Contains(RecoveryKey.Of(m.FromId == window.PageId ? MessageDirection.Outbound : MessageDirection.Inbound,
                m.CreatedTime, m.Text, m.Attachments.Select(a => a.Url))))
            .Select(m => ToEvent(window.PageId, m))
            .ToList();
        var applier = new WebhookEventApplier(db, facebook.Value.AppId, time.GetUtcNow());
        // Nothing is parked from here: the connection is live (checked when the window was made).
        await applier.ApplyAsync(new WebhookDelivery { Body = [] }, events, cancellationToken);
        var added = db.ChangeTracker.Entries<Message>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        foreach (var message in added)
        {
            message.Recovered = true;
        }
        if (added.Count > 0)
        {
            // Recovered replies alone still make the thread worth a look.
            foreach (var conversation in db.ChangeTracker.Entries<Conversation>().Select(e => e.Entity).Where(c => added.Any(m => m.ConversationId == c.Id)))
            {
                conversation.UnreadCount = Math.Max(conversation.UnreadCount, 1);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (added.Count > 0)
        {
            await inbox.NotifyAsync(window.TeamId);
        }
        return added.Count;
    }

    /// <summary>
    /// Oldest first. Graph's times are whole seconds and it lists newest first, so messages of one second come in the
    /// reverse of the order they were written; the inbox sorts by time, so each of them gets a millisecond of its own in
    /// writing order ("請問還有貨嗎？" before "想訂兩件", not after). The fallback key reads whole seconds, so it still matches.
    /// </summary>
    private static List<ConversationMessage> InWritingOrder(IEnumerable<ConversationMessage> newestFirst) =>
        newestFirst.Reverse()
            .GroupBy(m => m.CreatedTime)
            .OrderBy(g => g.Key)
            .SelectMany(g => g.Select((m, i) => i == 0 ? m : m with { CreatedTime = m.CreatedTime.AddMilliseconds(i) }))
            .ToList();

    private static DateTimeOffset FloorSecond(DateTimeOffset at) => DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());

    private static DateTimeOffset CeilingSecond(DateTimeOffset at) => FloorSecond(at) == at ? at : FloorSecond(at).AddSeconds(1);

    private static WebhookEvent ToEvent(string pageId, ConversationMessage m)
    {
        var fromPage = m.FromId == pageId;
        return new WebhookEvent
        {
            PageId = pageId,
            Kind = fromPage ? WebhookEventKind.Echo : WebhookEventKind.Message,
            SenderId = m.FromId,
            RecipientId = m.ToId,
            At = m.CreatedTime,
            Mid = m.Id,
            Text = m.Text,
            Attachments = [.. m.Attachments.Select(a => new WebhookAttachment(a.Type, a.Url, a.Name))],
            Json = JsonSerializer.Serialize(m),
        };
    }

    private static IEnumerable<string?> AttachmentUrls(string? json) =>
        json is null ? [] : (JsonSerializer.Deserialize<List<WebhookAttachment>>(json, MessageJson.Options) ?? []).Select(a => a.Url);

    /// <summary>One paced call, waiting out rate-limit answers with a doubling back-off.</summary>
    private async Task<GraphResult<T>> CallAsync<T>(string pageId, Func<Task<GraphResult<T>>> call, CancellationToken cancellationToken)
    {
        var backoff = options.Value.FirstBackoff;
        for (var attempt = 0; ; attempt++)
        {
            GraphResult<T> result;
            using (await pacer.WaitTurnAsync(pageId, cancellationToken))
            {
                result = await call();
            }
            if (result.IsSuccess || !RateLimitCodes.Contains(result.Error.Code) || attempt >= options.Value.MaxRateLimitRetries)
            {
                return result;
            }
            logger.LogInformation("Conversations API for page {PageId} answered {Code}; waiting {Backoff}", pageId, result.Error.Code, backoff);
            pacer.Hold(pageId, backoff);
            backoff = backoff * 2 > options.Value.MaxBackoff ? options.Value.MaxBackoff : backoff * 2;
        }
    }

    private async Task SaveProgressAsync(Guid gapId, Progress progress, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leaseUntil = time.GetUtcNow() + options.Value.Lease;
        await db.EventGaps.Where(g => g.Id == gapId).ExecuteUpdateAsync(s => s
            .SetProperty(g => g.ConversationsRead, progress.Conversations)
            .SetProperty(g => g.Recovered, progress.Recovered)
            .SetProperty(g => g.Unrecoverable, progress.Unrecoverable)
            .SetProperty(g => g.LeaseUntil, leaseUntil), cancellationToken);
    }

    private async Task FinishAsync(Guid gapId, Window window, Progress progress, string? stopped, CancellationToken cancellationToken)
    {
        // Saved even when the host is stopping, so the counts so far are not lost; a lease ran out means another worker redoes it.
        var finishing = cancellationToken.IsCancellationRequested ? CancellationToken.None : cancellationToken;
        await using var db = await dbFactory.CreateDbContextAsync(finishing);
        var gap = await db.EventGaps.SingleAsync(g => g.Id == gapId, finishing);
        gap.ConversationsRead = progress.Conversations;
        gap.Recovered = progress.Recovered;
        gap.Unrecoverable = progress.Unrecoverable;
        if (cancellationToken.IsCancellationRequested)
        {
            gap.Backfill = BackfillState.Pending;
        }
        else
        {
            gap.Backfill = stopped is null ? BackfillState.Done : BackfillState.Failed;
            gap.BackfillError = stopped;
            gap.BackfillEndedAt = time.GetUtcNow();
            metrics.BackfillFinished(stopped is null, progress.Recovered, progress.Unrecoverable);
        }
        gap.LeaseUntil = null;
        await db.SaveChangesAsync(finishing);
        await channels.NotifyAsync(window.TeamId);
        logger.LogInformation("Back-fill of gap {GapId} for page {PageId}: {Recovered} recovered, {Unrecoverable} beyond reach, {Conversations} conversations read, stopped: {Stopped}",
            gapId, window.PageId, progress.Recovered, progress.Unrecoverable, progress.Conversations, stopped ?? "no");
    }

    private static string Describe(GraphError error) => error.ToString();

    /// <summary>A class, not a record: a record's ToString would print the token.</summary>
    private sealed class Window(Guid gapId, Guid teamId, string pageId, string token, DateTimeOffset from, DateTimeOffset to)
    {
        public Guid GapId { get; } = gapId;
        public Guid TeamId { get; } = teamId;
        public string PageId { get; } = pageId;
        public string Token { get; } = token;
        public DateTimeOffset From { get; } = from;
        public DateTimeOffset To { get; } = to;
    }

    private sealed class Progress
    {
        public int Conversations;
        public int Recovered;
        public int Unrecoverable;
        public DateTimeOffset LastNotice;
    }
}
