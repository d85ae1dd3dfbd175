using System.Text.Json;
using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.Messenger;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>
/// The Send API, <c>POST {page-id|me}/messages</c> with a page token (§7): the 24-hour window for RESPONSE/UPDATE, 7 days
/// for the HUMAN_AGENT tag, and the errors of §7.2 and §8.3 an inbox meets. A sent message is echoed back with our
/// metadata and followed by a delivery receipt, as on Messenger.
/// </summary>
public sealed class MessagesHandler(SandboxWorld world, TokenInspector inspector, MessengerActions messenger, ILogger<MessagesHandler> logger)
{
    private static readonly string[] DeprecatedTags = ["CONFIRMED_EVENT_UPDATE", "ACCOUNT_UPDATE", "POST_PURCHASE_UPDATE"];

    public GraphResult Handle(GraphRequest request, string pageIdOrMe)
    {
        Echo? echo = null;
        var result = world.Update((state, now) =>
        {
            var check = inspector.Inspect(state, request.AccessToken, now);
            if (check.Error is { } tokenError)
            {
                return GraphResult.Fail(tokenError);
            }
            if (check.Token is not { Kind: TokenKind.Page } token)
            {
                return GraphResult.Fail(GraphErrors.PageTokenRequired);
            }
            var pageId = pageIdOrMe == "me" ? token.PageId! : pageIdOrMe;
            if (state.FindPage(pageId) is not { } page)
            {
                return GraphResult.Fail(GraphErrors.UnknownAlias(pageId));
            }
            if (token.PageId != page.Id)
            {
                return GraphResult.Fail(GraphErrors.WrongPageToken);
            }
            var recipientId = JsonField(request.Param("recipient"), "id");
            var text = JsonField(request.Param("message"), "text");
            var metadata = JsonField(request.Param("message"), "metadata");
            var messagingType = request.Param("messaging_type");
            var tag = request.Param("tag");
            var record = new SentMessageRecord
            {
                PageId = page.Id, RecipientId = recipientId ?? "", Text = text, MessagingType = messagingType, Tag = tag, Metadata = metadata, At = now,
            };
            var error = Refusal(state, page, recipientId, text, messagingType, tag, now);
            if (error is not null)
            {
                record.Error = error.Subcode is { } sub ? $"{error.Code}/{sub}" : $"{error.Code}";
                WorldState.Append(state.SentMessages, record);
                return GraphResult.Fail(error) with { UsageObjectId = page.Id };
            }
            record.Mid = MessengerActions.NewMid();
            WorldState.Append(state.SentMessages, record);
            ConversationLog.Record(page, recipientId!, fromPage: true, record.Mid, text, null, now);
            if (page.SubscribedApps.TryGetValue(state.AppId, out var fields) && fields.Contains("message_echoes"))
            {
                echo = new Echo(page.Id, MessengerActions.IsStandby(state, page), recipientId!, record.Mid, text!, state.AppId, metadata, now);
            }
            return GraphResult.Ok(new JsonObject { ["recipient_id"] = recipientId, ["message_id"] = record.Mid }) with { UsageObjectId = page.Id };
        });
        if (echo is { } e)
        {
            messenger.EchoSent(e.PageId, e.Standby, e.Psid, e.Mid, e.Text, e.AppId, e.Metadata, e.At);
        }
        if (result.Error is { } failed)
        {
            logger.LogInformation("Sandbox Send API refused a message on page {PageId}: {Code}/{Subcode}", pageIdOrMe, failed.Code, failed.Subcode);
        }
        return result;
    }

    private static GraphError? Refusal(WorldState state, SandboxPage page, string? recipientId, string? text, string? messagingType, string? tag, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(recipientId))
        {
            return GraphErrors.MissingParameter("recipient");
        }
        if (string.IsNullOrEmpty(text))
        {
            return GraphErrors.InvalidParameter("param message must be non-empty.");
        }
        if (messagingType is not ("RESPONSE" or "UPDATE" or "MESSAGE_TAG"))
        {
            return GraphErrors.InvalidParameter("param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}");
        }
        if (messagingType == "MESSAGE_TAG" && (tag is null || DeprecatedTags.Contains(tag)))
        {
            // Since 27 April 2026 the old update tags are refused with code 100 (§7.1).
            return GraphErrors.InvalidParameter(tag is null ? "param tag is required for MESSAGE_TAG" : $"The tag {tag} is no longer supported.");
        }
        if (!state.AppLive)
        {
            return MessengerErrors.AppNotLive;
        }
        if (page.MessagingRestricted)
        {
            return MessengerErrors.PageRestricted;
        }
        if (page.ReceiverAppId != state.AppId)
        {
            return MessengerErrors.AnotherAppControls;
        }
        if (!page.Customers.TryGetValue(recipientId, out var customer) || customer.LastMessageAt is not { } last)
        {
            return MessengerErrors.NoMatchingUser;
        }
        switch (customer.Reachability)
        {
            case Reachability.Blocked:
                return MessengerErrors.Blocked;
            case Reachability.Unavailable:
                return MessengerErrors.Unavailable;
            case Reachability.CannotReceive:
                return MessengerErrors.CannotReceive;
        }
        var limit = messagingType == "MESSAGE_TAG" && tag == "HUMAN_AGENT" ? TimeSpan.FromDays(7) : TimeSpan.FromHours(24);
        return now - last >= limit ? MessengerErrors.OutsideWindow : null;
    }

    private static string? JsonField(string? json, string name)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Echo(string PageId, bool Standby, string Psid, string Mid, string Text, string AppId, string? Metadata, DateTimeOffset At);
}
