using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Channels;
using Omnichat.Core.Data;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Applies one delivery's events to conversations and messages inside the caller's transaction. Idempotent by Meta's
/// <c>mid</c> (unique per page in the database), so a webhook Meta sends twice changes nothing the second time.
/// </summary>
public sealed class WebhookEventApplier(OmnichatDbContext db, string ourAppId, DateTimeOffset now)
{
    /// <summary>Meta's Page Inbox / Business Suite app id, on echoes of replies typed there (§6.2).</summary>
    public const string PageInboxAppId = "263902037430900";

    private const int PreviewLength = 120;
    private readonly Dictionary<string, PageConnection?> liveConnections = [];
    private readonly Dictionary<string, bool> everConnected = [];
    private readonly Dictionary<(Guid, string, string), Conversation> conversations = [];
    private readonly HashSet<string> seenMids = [];
    private int conversationsCreated;

    public async Task<ProcessedDelivery> ApplyAsync(WebhookDelivery delivery, IReadOnlyList<WebhookEvent> events, CancellationToken ct)
    {
        var result = new ProcessedDelivery();
        var createdBefore = conversationsCreated;
        foreach (var e in events)
        {
            var connection = await LiveConnectionAsync(e.PageId, ct);
            if (connection is null)
            {
                db.ParkedEvents.Add(new ParkedEvent
                {
                    DeliveryId = delivery.Id,
                    PageId = e.PageId,
                    Reason = await WasConnectedAsync(e.PageId, ct) ? ParkedReason.Disconnected : ParkedReason.UnknownPage,
                    Field = e.Standby ? "standby" : "messaging",
                    EventJson = e.Json,
                    EventAt = e.At,
                    ParkedAt = now,
                });
                result.Parked++;
                continue;
            }
            result.Received.Add(connection.Id);
            if (e.Kind is WebhookEventKind.Message or WebhookEventKind.Postback)
            {
                result.ReceiverSignals[connection.Id] = e.Standby;
            }
            var changed = e.Kind switch
            {
                WebhookEventKind.Message or WebhookEventKind.Postback => await InboundAsync(connection, e, ct),
                WebhookEventKind.Echo => await EchoAsync(connection, e, ct),
                WebhookEventKind.Delivery => await WatermarkAsync(connection, e, DeliveryState.Delivered, ct),
                WebhookEventKind.Read => await WatermarkAsync(connection, e, DeliveryState.Read, ct),
                WebhookEventKind.Edit => await EditAsync(connection, e, ct),
                WebhookEventKind.PassThreadControl or WebhookEventKind.TakeThreadControl or WebhookEventKind.RequestThreadControl
                    => await HandoverAsync(connection, e, ct),
                _ => false,
            };
            if (changed)
            {
                result.Teams.Add(connection.TeamId);
                if (e.Kind is WebhookEventKind.Message or WebhookEventKind.Postback)
                {
                    result.CustomerMessages[connection.Id] = result.CustomerMessages.GetValueOrDefault(connection.Id) + 1;
                }
            }
            else if (e.Kind is WebhookEventKind.Message or WebhookEventKind.Postback or WebhookEventKind.Echo)
            {
                result.Duplicates++;
            }
        }
        result.NewConversations = conversationsCreated - createdBefore;
        return result;
    }

    private async Task<bool> InboundAsync(PageConnection connection, WebhookEvent e, CancellationToken ct)
    {
        if (e.Psid is not { } psid)
        {
            return false;
        }
        // Postbacks may come without a mid; the person and the instant identify one tap.
        var mid = e.Mid ?? $"postback:{psid}:{e.At.ToUnixTimeMilliseconds()}";
        if (await KnownMidAsync(e.PageId, mid, ct))
        {
            return false;
        }
        var conversation = await ConversationAsync(connection, psid, e.At, ct);
        var message = Add(connection, conversation, e, mid, MessageDirection.Inbound,
            e.Kind == WebhookEventKind.Postback ? MessageKind.Postback : ContentKind(e), DeliveryState.Received);
        message.Text = e.Text;
        message.AttachmentsJson = AttachmentsJson(e);
        message.Payload = e.Payload;
        if (conversation.LastCustomerMessageAt is null || e.At > conversation.LastCustomerMessageAt)
        {
            conversation.LastCustomerMessageAt = e.At;
        }
        Touch(conversation, e.At, Preview(e.Text, e.Attachments));
        conversation.UnreadCount++;
        return true;
    }

    private async Task<bool> EchoAsync(PageConnection connection, WebhookEvent e, CancellationToken ct)
    {
        if (e.Psid is not { } psid || e.Mid is not { } mid)
        {
            return false;
        }
        var ours = e.AppId == ourAppId;
        if (ours && ReplyMetadata.Read(e.Metadata) is Guid replyId)
        {
            // Our own reply: the echo may come before the Send API's answer was stored, so the metadata finds it.
            var reply = db.Messages.Local.FirstOrDefault(m => m.Id == replyId)
                ?? await db.Messages.FirstOrDefaultAsync(m => m.Id == replyId, ct);
            if (reply is not null)
            {
                var changed = reply.EchoSource != EchoSource.ThisConsole || reply.Mid is null;
                reply.EchoSource = EchoSource.ThisConsole;
                if (reply.Mid is null && !await KnownMidAsync(e.PageId, mid, ct))
                {
                    reply.Mid = mid;
                    seenMids.Add(mid);
                }
                if (reply.DeliveryState is DeliveryState.Pending or DeliveryState.Failed)
                {
                    reply.DeliveryState = DeliveryState.Sent;
                    reply.Failure = null;
                    changed = true;
                }
                return changed;
            }
        }
        if (await KnownMidAsync(e.PageId, mid, ct))
        {
            return false;
        }
        var conversation = await ConversationAsync(connection, psid, e.At, ct);
        var message = Add(connection, conversation, e, mid, MessageDirection.Outbound, ContentKind(e), DeliveryState.Sent);
        message.Text = e.Text;
        message.AttachmentsJson = AttachmentsJson(e);
        message.EchoSource = ours ? EchoSource.ThisConsole : e.AppId == PageInboxAppId ? EchoSource.FacebookInbox : EchoSource.OtherApp;
        message.AppId = e.AppId;
        Touch(conversation, e.At, Preview(e.Text, e.Attachments));
        return true;
    }

    private async Task<bool> WatermarkAsync(PageConnection connection, WebhookEvent e, DeliveryState state, CancellationToken ct)
    {
        if (e.Psid is not { } psid)
        {
            return false;
        }
        var conversation = await FindConversationAsync(connection.TeamId, e.PageId, psid, ct);
        if (conversation is null)
        {
            return false;
        }
        var watermark = e.Watermark ?? e.At;
        var mids = e.Mids.ToList();
        var replies = await db.Messages
            .Where(m => m.ConversationId == conversation.Id && m.Direction == MessageDirection.Outbound
                && (m.DeliveryState == DeliveryState.Sent || m.DeliveryState == DeliveryState.Delivered)
                && (m.At <= watermark || (m.Mid != null && mids.Contains(m.Mid))))
            .ToListAsync(ct);
        var changed = false;
        foreach (var reply in replies.Where(r => r.DeliveryState < state))
        {
            reply.DeliveryState = state;
            changed = true;
        }
        return changed;
    }

    private async Task<bool> EditAsync(PageConnection connection, WebhookEvent e, CancellationToken ct)
    {
        if (e.Mid is null)
        {
            return false;
        }
        var message = await db.Messages.FirstOrDefaultAsync(m => m.PageId == e.PageId && m.Mid == e.Mid && m.TeamId == connection.TeamId, ct);
        if (message is null || message.Text == e.Text)
        {
            return false;
        }
        message.Text = e.Text;
        return true;
    }

    private async Task<bool> HandoverAsync(PageConnection connection, WebhookEvent e, CancellationToken ct)
    {
        if (e.Psid is not { } psid)
        {
            return false;
        }
        var key = $"{e.Kind}:{psid}:{e.At.ToUnixTimeMilliseconds()}";
        if (await KnownMidAsync(e.PageId, key, ct))
        {
            return false;
        }
        var conversation = await ConversationAsync(connection, psid, e.At, ct);
        var message = Add(connection, conversation, e, key, MessageDirection.System, MessageKind.Handover, DeliveryState.Received);
        message.Text = e.Kind.ToString();
        message.Payload = e.NewOwnerAppId;
        message.AppId = e.PreviousOwnerAppId;
        return true;
    }

    private async Task<bool> KnownMidAsync(string pageId, string mid, CancellationToken ct)
    {
        if (!seenMids.Add(mid))
        {
            return true;
        }
        if (await db.Messages.AnyAsync(m => m.PageId == pageId && m.Mid == mid, ct))
        {
            return true;
        }
        return false;
    }

    private async Task<Conversation> ConversationAsync(PageConnection connection, string psid, DateTimeOffset at, CancellationToken ct)
    {
        var conversation = await FindConversationAsync(connection.TeamId, connection.PageId, psid, ct);
        if (conversation is null)
        {
            conversation = new Conversation
            {
                TeamId = connection.TeamId,
                ConnectionId = connection.Id,
                PageId = connection.PageId,
                Psid = psid,
                LastMessageAt = at,
                CreatedAt = now,
            };
            db.Conversations.Add(conversation);
            conversations[(connection.TeamId, connection.PageId, psid)] = conversation;
            conversationsCreated++;
        }
        // A page connected again keeps its conversations; they follow the live connection.
        conversation.ConnectionId = connection.Id;
        return conversation;
    }

    private async Task<Conversation?> FindConversationAsync(Guid teamId, string pageId, string psid, CancellationToken ct)
    {
        if (conversations.TryGetValue((teamId, pageId, psid), out var known))
        {
            return known;
        }
        var found = await db.Conversations.FirstOrDefaultAsync(c => c.TeamId == teamId && c.PageId == pageId && c.Psid == psid, ct);
        if (found is not null)
        {
            conversations[(teamId, pageId, psid)] = found;
        }
        return found;
    }

    private async Task<PageConnection?> LiveConnectionAsync(string pageId, CancellationToken ct)
    {
        if (!liveConnections.TryGetValue(pageId, out var connection))
        {
            connection = await db.PageConnections.FirstOrDefaultAsync(c => c.PageId == pageId && c.Status != ConnectionStatus.Disconnected, ct);
            liveConnections[pageId] = connection;
        }
        return connection;
    }

    private async Task<bool> WasConnectedAsync(string pageId, CancellationToken ct)
    {
        if (!everConnected.TryGetValue(pageId, out var was))
        {
            was = await db.PageConnections.AnyAsync(c => c.PageId == pageId, ct);
            everConnected[pageId] = was;
        }
        return was;
    }

    /// <summary>A new message row for an event: what every kind shares (where, when, which way, the mid).</summary>
    private Message Add(PageConnection connection, Conversation conversation, WebhookEvent e, string mid,
        MessageDirection direction, MessageKind kind, DeliveryState state)
    {
        var message = new Message
        {
            ConversationId = conversation.Id,
            TeamId = connection.TeamId,
            PageId = e.PageId,
            Mid = mid,
            Direction = direction,
            Kind = kind,
            At = e.At,
            DeliveryState = state,
            FromStandby = e.Standby,
        };
        db.Messages.Add(message);
        return message;
    }

    private static MessageKind ContentKind(WebhookEvent e) =>
        e.Attachments.Count > 0 && e.Text is null ? MessageKind.Attachments : MessageKind.Text;

    private static string? AttachmentsJson(WebhookEvent e) =>
        e.Attachments.Count > 0 ? JsonSerializer.Serialize(e.Attachments, MessageJson.Options) : null;

    private static void Touch(Conversation conversation, DateTimeOffset at, string preview)
    {
        if (at >= conversation.LastMessageAt || string.IsNullOrEmpty(conversation.LastMessagePreview))
        {
            conversation.LastMessageAt = at > conversation.LastMessageAt ? at : conversation.LastMessageAt;
            conversation.LastMessagePreview = preview;
        }
    }

    private static string Preview(string? text, IReadOnlyList<WebhookAttachment> attachments)
    {
        var preview = !string.IsNullOrEmpty(text) ? text : attachments.Count > 0 ? $"[{attachments[0].Type}]" : "";
        return preview.Length > PreviewLength ? preview[..PreviewLength] : preview;
    }
}
