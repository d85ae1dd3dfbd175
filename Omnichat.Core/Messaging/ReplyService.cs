using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;
using Omnichat.Core.Facebook;
using Omnichat.Core.Health;
using Omnichat.Core.Teams;
using Omnichat.Core.Telemetry;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Sends an agent's reply through the Send API. The reply is stored (Pending) before the call and keeps its result
/// (Sent with the mid, or Failed with the cause and fbtrace_id), so nothing typed is ever lost. A failure that shows
/// the connection itself is broken goes to the <see cref="CheckResultRecorder"/>, exactly like an hourly check.
/// </summary>
public sealed class ReplyService(
    IDbContextFactory<OmnichatDbContext> dbFactory,
    GraphClient graph,
    TokenProtector tokens,
    CheckResultRecorder recorder,
    ReceiverWatch receiverWatch,
    InboxNotifier notifier,
    IOptions<FacebookOptions> facebook,
    TimeProvider time,
    OmnichatMetrics metrics,
    ILogger<ReplyService> logger)
{
    /// <summary>Messenger's limit for a text message.</summary>
    public const int MaxTextLength = 2000;

    public MessagingWindow WindowFor(DateTimeOffset? lastCustomerMessageAt) =>
        MessagingWindow.Decide(lastCustomerMessageAt, time.GetUtcNow(), facebook.Value.HumanAgentEnabled);

    public async Task<ReplyOutcome> SendAsync(Caller caller, Guid conversationId, string text, CancellationToken cancellationToken)
    {
        text = text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > MaxTextLength)
        {
            return new ReplyOutcome(ReplyOutcomeKind.InvalidText);
        }
        if (!CanReply(caller, out var teamId))
        {
            return new ReplyOutcome(ReplyOutcomeKind.NotFound);
        }
        Message reply;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId && c.TeamId == teamId, cancellationToken);
            if (conversation is null)
            {
                return new ReplyOutcome(ReplyOutcomeKind.NotFound);
            }
            var window = WindowFor(conversation.LastCustomerMessageAt);
            if (!window.CanSend)
            {
                return new ReplyOutcome(ReplyOutcomeKind.WindowClosed, Window: window);
            }
            var now = time.GetUtcNow();
            reply = new Message
            {
                ConversationId = conversation.Id,
                TeamId = teamId,
                PageId = conversation.PageId,
                Direction = MessageDirection.Outbound,
                Kind = MessageKind.Text,
                Text = text,
                At = now,
                DeliveryState = DeliveryState.Pending,
                AgentName = caller.DisplayName,
                MessagingType = window.MessagingType,
                Tag = window.Tag,
            };
            db.Messages.Add(reply);
            conversation.LastMessageAt = now;
            conversation.LastMessagePreview = text.Length > 120 ? text[..120] : text;
            conversation.UnreadCount = 0;
            await db.SaveChangesAsync(cancellationToken);
        }
        await notifier.NotifyAsync(teamId);
        return await DeliverAsync(reply.Id, cancellationToken);
    }

    /// <summary>Sends a failed reply again, with the window as it is now.</summary>
    public async Task<ReplyOutcome> RetryAsync(Caller caller, Guid messageId, CancellationToken cancellationToken)
    {
        if (!CanReply(caller, out var teamId))
        {
            return new ReplyOutcome(ReplyOutcomeKind.NotFound);
        }
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var reply = await db.Messages.SingleOrDefaultAsync(m => m.Id == messageId && m.TeamId == teamId
                && m.Direction == MessageDirection.Outbound && m.DeliveryState == DeliveryState.Failed, cancellationToken);
            if (reply is null)
            {
                return new ReplyOutcome(ReplyOutcomeKind.NotFound);
            }
            var conversation = await db.Conversations.SingleAsync(c => c.Id == reply.ConversationId, cancellationToken);
            var window = WindowFor(conversation.LastCustomerMessageAt);
            if (!window.CanSend)
            {
                return new ReplyOutcome(ReplyOutcomeKind.WindowClosed, reply.Id, Window: window);
            }
            reply.MessagingType = window.MessagingType;
            reply.Tag = window.Tag;
            reply.DeliveryState = DeliveryState.Pending;
            await db.SaveChangesAsync(cancellationToken);
        }
        await notifier.NotifyAsync(teamId);
        return await DeliverAsync(messageId, cancellationToken);
    }

    private async Task<ReplyOutcome> DeliverAsync(Guid messageId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var reply = await db.Messages.SingleAsync(m => m.Id == messageId, cancellationToken);
        var conversation = await db.Conversations.SingleAsync(c => c.Id == reply.ConversationId, cancellationToken);
        var connection = await db.PageConnections.SingleAsync(c => c.Id == conversation.ConnectionId, cancellationToken);
        reply.SendAttempts++;
        if (connection.Status == ConnectionStatus.Disconnected || connection.ProtectedPageToken is null)
        {
            reply.DeliveryState = DeliveryState.Failed;
            reply.Failure = ReplyFailure.IntegrationBroken;
            // No Facebook error to quote: the failure itself says why, in the reader's language.
            reply.ErrorMessage = null;
            await db.SaveChangesAsync(cancellationToken);
            await notifier.NotifyAsync(reply.TeamId);
            metrics.ReplyFinished(ReplyOutcomeKind.NotConnected, ReplyFailure.IntegrationBroken);
            return new ReplyOutcome(ReplyOutcomeKind.NotConnected, reply.Id, ReplyFailure.IntegrationBroken);
        }

        // The attempt is recorded before the call: whatever happens next, the reply is never lost.
        await db.SaveChangesAsync(cancellationToken);

        var outgoing = new OutgoingMessage(conversation.Psid, reply.Text ?? "", reply.MessagingType ?? MessagingWindow.Response, reply.Tag,
            ReplyMetadata.For(reply.Id));
        var token = connection.ProtectedPageToken;
        for (var attempt = 1; ; attempt++)
        {
            // Not the caller's token: once Facebook has the request, its answer must be recorded even if the page closes.
            var result = await graph.SendMessageAsync(connection.PageId, tokens.Unprotect(token), outgoing, CancellationToken.None);
            if (result.IsSuccess)
            {
                await RecordSentAsync(db, reply, result.Value.MessageId);
                await notifier.NotifyAsync(reply.TeamId);
                metrics.ReplyFinished(ReplyOutcomeKind.Sent, failure: null);
                return new ReplyOutcome(ReplyOutcomeKind.Sent, reply.Id);
            }

            var error = result.Error;
            var diagnosis = GraphErrorClassifier.Classify(error);
            var failure = ReplyFailures.From(diagnosis);
            reply.DeliveryState = DeliveryState.Failed;
            reply.Failure = failure;
            reply.ErrorCode = error.Code;
            reply.ErrorSubcode = error.Subcode;
            reply.FbTraceId = error.FbTraceId;
            reply.ErrorMessage = TokenRedactor.Redact(error.Message);
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("Reply {MessageId} on page {PageId} failed: {Failure} {Error}", reply.Id, connection.PageId, failure, error);

            if (diagnosis.Status is { } status)
            {
                // Token, permission or role: the same verdict the hourly check would reach, with its banner and one
                // e-mail, or with another team member's token taking over when the failure was only this person's.
                await recorder.RecordAsync(Guid.NewGuid(),
                    new Dictionary<Guid, PageVerdict>
                    {
                        [connection.Id] = PageVerdict.Failed(status, diagnosis.Cause, error, HistoryNote.ReplyFailed(error)) with { TokenChecked = TokenFingerprint.Of(token) },
                    },
                    time.GetUtcNow(), CancellationToken.None);
                if (attempt == 1 && await BackupTokenAsync(db, connection, token) is { } backup)
                {
                    logger.LogInformation("Reply {MessageId} on page {PageId} is sent again with the backup authorization", reply.Id, connection.PageId);
                    token = backup;
                    continue;
                }
            }
            else if (failure == ReplyFailure.AnotherAppControls)
            {
                await receiverWatch.ReportSendRefusedAsync(connection.Id, HistoryNote.ReplyFailed(error), CancellationToken.None);
            }
            await notifier.NotifyAsync(reply.TeamId);
            metrics.ReplyFinished(ReplyOutcomeKind.Failed, failure);
            return new ReplyOutcome(ReplyOutcomeKind.Failed, reply.Id, failure, error);
        }
    }

    /// <summary>The token the connection runs on now, when a failover has just replaced <paramref name="used"/> and the page works.</summary>
    private static async Task<string?> BackupTokenAsync(OmnichatDbContext db, PageConnection connection, string used)
    {
        var now = await db.PageConnections.AsNoTracking().Where(c => c.Id == connection.Id)
            .Select(c => new { c.Status, c.ProtectedPageToken }).SingleAsync(CancellationToken.None);
        return now.Status == ConnectionStatus.Healthy && now.ProtectedPageToken is { } current && current != used ? current : null;
    }

    // The echo and the delivery receipt may be processed while the Send API call is still answering, so the outcome
    // is written as conditional updates that never move a reply back (Delivered stays Delivered).
    private static async Task RecordSentAsync(OmnichatDbContext db, Message reply, string mid)
    {
        var id = reply.Id;
        await db.Messages.Where(m => m.Id == id && (m.DeliveryState == DeliveryState.Pending || m.DeliveryState == DeliveryState.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.DeliveryState, DeliveryState.Sent), CancellationToken.None);
        await db.Messages.Where(m => m.Id == id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Failure, (ReplyFailure?)null)
                .SetProperty(m => m.ErrorCode, (int?)null)
                .SetProperty(m => m.ErrorSubcode, (int?)null)
                .SetProperty(m => m.FbTraceId, (string?)null)
                .SetProperty(m => m.ErrorMessage, (string?)null), CancellationToken.None);
        var pageId = reply.PageId;
        await db.Messages.Where(m => m.Id == id && m.Mid == null && !db.Messages.Any(o => o.PageId == pageId && o.Mid == mid))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Mid, mid), CancellationToken.None);
    }

    // Support staff read every team but reply for none.
    private static bool CanReply(Caller caller, out Guid teamId)
    {
        teamId = caller.TeamId.GetValueOrDefault();
        return caller.TeamId is not null && !caller.IsSupport;
    }
}
