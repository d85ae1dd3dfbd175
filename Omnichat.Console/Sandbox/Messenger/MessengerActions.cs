using System.Globalization;
using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.Control;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Messenger;

/// <summary>
/// The sandbox's Messenger side, for the control API and panel: a customer writes (a signed webhook to the console, under
/// <c>standby</c> when another app is the receiver), a reply typed in Facebook's own inbox (an echo from app 263902037430900),
/// a read receipt, and the switches the Send API's errors depend on.
/// </summary>
public sealed class MessengerActions(SandboxWorld world, WebhookSender sender, ILogger<MessengerActions> logger)
{
    public const int MaxTextLength = 2000;

    /// <summary>
    /// A customer writes to the page. <paramref name="name"/> sets the name the User Profile API answers with; without it a
    /// new customer gets one derived from the PSID and a known one keeps theirs.
    /// </summary>
    public ControlOutcome CustomerMessage(string pageId, string? psid, string? text, IReadOnlyList<AttachmentRequest>? attachments = null,
        CustomerName? name = null)
    {
        if (string.IsNullOrWhiteSpace(psid) || (string.IsNullOrEmpty(text) && (attachments is null || attachments.Count == 0)))
        {
            return ControlOutcome.BadRequest("Body must be {\"psid\":\"...\",\"text\":\"...\"} (or attachments [{\"type\",\"url\"}]).");
        }
        if (text?.Length > MaxTextLength)
        {
            return ControlOutcome.BadRequest($"text is longer than {MaxTextLength} characters.");
        }
        var webhook = world.Update<OutgoingWebhook?>((state, now) =>
        {
            if (state.FindPage(pageId) is not { } page)
            {
                return null;
            }
            var customer = Customer(page, psid);
            customer.LastMessageAt = now;
            if (name is not null)
            {
                // Only the given part is known: the other stays empty rather than a made-up half of someone else's name.
                customer.FirstName = name.FirstName ?? "";
                customer.LastName = name.LastName ?? "";
            }
            var mid = NewMid();
            // The thread keeps it whatever becomes of the webhook (unsubscribed, or failing past the retries).
            ConversationLog.Record(page, psid, fromPage: false, mid, string.IsNullOrEmpty(text) ? null : text,
                attachments?.Select(a => new SandboxAttachment { Type = a.Type ?? "file", Url = a.Url }), now);
            var message = new JsonObject { ["mid"] = mid };
            if (!string.IsNullOrEmpty(text))
            {
                message["text"] = text;
            }
            if (attachments is { Count: > 0 })
            {
                message["attachments"] = new JsonArray([.. attachments.Select(a => (JsonNode)new JsonObject
                {
                    ["type"] = a.Type ?? "file",
                    ["payload"] = new JsonObject { ["url"] = a.Url },
                })]);
            }
            var item = new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = psid },
                ["recipient"] = new JsonObject { ["id"] = page.Id },
                ["timestamp"] = now.ToUnixTimeMilliseconds(),
                ["message"] = message,
            };
            return WebhookBody.Build(page.Id, IsStandby(state, page), "message", mid, item, now);
        });
        return Send(webhook, pageId, "customer message");
    }

    /// <summary>A reply typed in Meta Business Suite: every subscribed app gets its echo, labelled with the Page Inbox app id.</summary>
    public ControlOutcome InboxReply(string pageId, string? psid, string? text)
    {
        if (string.IsNullOrWhiteSpace(psid) || string.IsNullOrEmpty(text))
        {
            return ControlOutcome.BadRequest("Body must be {\"psid\":\"...\",\"text\":\"...\"}.");
        }
        var webhook = world.Update<OutgoingWebhook?>((state, now) =>
        {
            if (state.FindPage(pageId) is not { } page)
            {
                return null;
            }
            var mid = NewMid();
            WorldState.Append(state.SentMessages, new SentMessageRecord
            {
                PageId = page.Id, RecipientId = psid, Text = text, Mid = mid, At = now, MessagingType = "PAGE_INBOX",
            });
            ConversationLog.Record(page, psid, fromPage: true, mid, text, null, now);
            return WebhookBody.Build(page.Id, IsStandby(state, page), "echo", mid, Echo(page.Id, psid, mid, text, DemoWorld.PageInboxAppId, null, now), now);
        });
        return Send(webhook, pageId, "reply from Facebook's inbox");
    }

    /// <summary>The customer opened the thread: a read receipt up to now.</summary>
    public ControlOutcome CustomerRead(string pageId, string psid)
    {
        var webhook = world.Update<OutgoingWebhook?>((state, now) =>
        {
            if (state.FindPage(pageId) is not { } page)
            {
                return null;
            }
            var item = new JsonObject
            {
                ["sender"] = new JsonObject { ["id"] = psid },
                ["recipient"] = new JsonObject { ["id"] = page.Id },
                ["timestamp"] = now.ToUnixTimeMilliseconds(),
                ["read"] = new JsonObject { ["watermark"] = now.ToUnixTimeMilliseconds() },
            };
            return WebhookBody.Build(page.Id, IsStandby(state, page), "read", null, item, now);
        });
        return Send(webhook, pageId, "read receipt");
    }

    public ControlOutcome SetReachability(string pageId, string psid, Reachability? reachability)
    {
        if (reachability is null)
        {
            return ControlOutcome.BadRequest("Body must be {\"reachability\":\"available|blocked|unavailable|cannotReceive\"}.");
        }
        return world.Update((state, _) =>
        {
            if (state.FindPage(pageId) is not { } page)
            {
                return ControlOutcome.NotFound($"Unknown page {pageId}");
            }
            Customer(page, psid).Reachability = reachability.Value;
            return ControlOutcome.Ok($"{page.Name}: {psid} is {reachability}");
        });
    }

    public ControlOutcome SetMessagingRestricted(string pageId, bool restricted) => world.Update((state, _) =>
    {
        if (state.FindPage(pageId) is not { } page)
        {
            return ControlOutcome.NotFound($"Unknown page {pageId}");
        }
        page.MessagingRestricted = restricted;
        return ControlOutcome.Ok($"{page.Name}: messaging {(restricted ? "restricted" : "allowed")}");
    });

    /// <summary>Meta's high-volume limit on the page: listing its conversations fails, single ones can still be read.</summary>
    public ControlOutcome SetHighVolume(string pageId, bool highVolume) => world.Update((state, _) =>
    {
        if (state.FindPage(pageId) is not { } page)
        {
            return ControlOutcome.NotFound($"Unknown page {pageId}");
        }
        page.HighVolume = highVolume;
        return ControlOutcome.Ok($"{page.Name}: high-volume limit {(highVolume ? "on" : "off")}");
    });

    public ControlOutcome SetAppLive(bool live)
    {
        world.Update((state, _) => state.AppLive = live);
        return ControlOutcome.Ok(live ? "The app is live" : "The app is in development mode");
    }

    /// <summary>The echo of a Send API call, queued by the Send API handler after it answered.</summary>
    public void EchoSent(string pageId, bool standby, string psid, string mid, string text, string appId, string? metadata, DateTimeOffset now)
    {
        sender.Enqueue(WebhookBody.Build(pageId, standby, "echo", mid, Echo(pageId, psid, mid, text, appId, metadata, now), now));
        var delivery = new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = psid },
            ["recipient"] = new JsonObject { ["id"] = pageId },
            ["delivery"] = new JsonObject { ["mids"] = new JsonArray(mid), ["watermark"] = now.ToUnixTimeMilliseconds() },
        };
        sender.Enqueue(WebhookBody.Build(pageId, standby, "delivery", null, delivery, now));
    }

    public static bool IsStandby(WorldState state, SandboxPage page) => page.ReceiverAppId != state.AppId;

    public static string NewMid() => "m_" + TokenMinter.NewTraceId() + TokenMinter.NewTraceId();

    private static JsonObject Echo(string pageId, string psid, string mid, string text, string appId, string? metadata, DateTimeOffset now)
    {
        var message = new JsonObject
        {
            ["is_echo"] = true,
            // A number in Meta's payloads, not a string.
            ["app_id"] = long.Parse(appId, CultureInfo.InvariantCulture),
            ["mid"] = mid,
            ["text"] = text,
        };
        if (metadata is not null)
        {
            message["metadata"] = metadata;
        }
        return new JsonObject
        {
            ["sender"] = new JsonObject { ["id"] = pageId },
            ["recipient"] = new JsonObject { ["id"] = psid },
            ["timestamp"] = now.ToUnixTimeMilliseconds(),
            ["message"] = message,
        };
    }

    private static SandboxCustomer Customer(SandboxPage page, string psid)
    {
        if (!page.Customers.TryGetValue(psid, out var customer))
        {
            var (firstName, lastName) = CustomerNames.For(psid);
            customer = new SandboxCustomer { Psid = psid, FirstName = firstName, LastName = lastName };
            page.Customers[psid] = customer;
        }
        return customer;
    }

    private ControlOutcome Send(OutgoingWebhook? webhook, string pageId, string what)
    {
        if (webhook is null)
        {
            return ControlOutcome.NotFound($"Unknown page {pageId}");
        }
        sender.Enqueue(webhook);
        logger.LogInformation("Sandbox queued a {What} webhook for page {PageId} under {Field}", what, pageId, webhook.Field);
        return ControlOutcome.Ok($"{what} queued for {pageId} under {webhook.Field}" + (webhook.Mid is null ? "" : $" ({webhook.Mid})"));
    }
}
