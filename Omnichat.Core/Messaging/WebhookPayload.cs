using System.Globalization;
using System.Text.Json;

namespace Omnichat.Core.Messaging;

/// <summary>
/// Reads a stored webhook body into events: every entry, both <c>messaging</c> and <c>standby</c>, sorted by timestamp
/// (after delivery failures Meta may send them out of order, §6.2). Unknown shapes become <see cref="WebhookEventKind.Unknown"/>.
/// </summary>
public static class WebhookPayload
{
    /// <exception cref="JsonException">The body is not JSON.</exception>
    public static IReadOnlyList<WebhookEvent> Parse(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var events = new List<WebhookEvent>();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return events;
        }
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var pageId = Id(entry, "id");
            var entryTime = Millis(entry, "time");
            if (pageId is null)
            {
                continue;
            }
            foreach (var (field, standby) in new[] { ("messaging", false), ("standby", true) })
            {
                if (!entry.TryGetProperty(field, out var items) || items.ValueKind != JsonValueKind.Array)
                {
                    continue;
                }
                foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    events.Add(Read(pageId, standby, item, entryTime));
                }
            }
        }
        // Stable: events with the same timestamp keep Meta's order.
        return events.Select((e, i) => (e, i)).OrderBy(x => x.e.At).ThenBy(x => x.i).Select(x => x.e).ToList();
    }

    /// <summary>
    /// One event's JSON as it was kept (<see cref="ParkedEvent.EventJson"/>), read the same way as when it arrived, so
    /// views of kept events name kinds exactly as processing does.
    /// </summary>
    /// <exception cref="JsonException">The text is not JSON.</exception>
    public static WebhookEvent ReadEvent(string pageId, bool standby, string eventJson)
    {
        using var document = JsonDocument.Parse(eventJson);
        return document.RootElement.ValueKind == JsonValueKind.Object
            ? Read(pageId, standby, document.RootElement, null)
            : new WebhookEvent { PageId = pageId, Standby = standby, Kind = WebhookEventKind.Unknown, At = DateTimeOffset.UnixEpoch, Json = eventJson };
    }

    private static WebhookEvent Read(string pageId, bool standby, JsonElement item, DateTimeOffset? entryTime)
    {
        var sender = item.TryGetProperty("sender", out var s) ? Id(s, "id") : null;
        var recipient = item.TryGetProperty("recipient", out var r) ? Id(r, "id") : null;
        var at = Millis(item, "timestamp") ?? entryTime ?? DateTimeOffset.UnixEpoch;
        var baseEvent = new WebhookEvent
        {
            PageId = pageId,
            Standby = standby,
            Kind = WebhookEventKind.Unknown,
            SenderId = sender,
            RecipientId = recipient,
            At = at,
            Json = item.GetRawText(),
        };

        if (item.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            var isEcho = message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True;
            return baseEvent with
            {
                Kind = isEcho ? WebhookEventKind.Echo : WebhookEventKind.Message,
                Mid = Str(message, "mid"),
                Text = Str(message, "text"),
                Attachments = Attachments(message),
                AppId = Id(message, "app_id"),
                Metadata = Str(message, "metadata"),
                Payload = message.TryGetProperty("quick_reply", out var quick) ? Str(quick, "payload") : null,
            };
        }
        if (item.TryGetProperty("postback", out var postback) && postback.ValueKind == JsonValueKind.Object)
        {
            return baseEvent with
            {
                Kind = WebhookEventKind.Postback,
                Mid = Str(postback, "mid"),
                Text = Str(postback, "title"),
                Payload = Str(postback, "payload"),
            };
        }
        if (item.TryGetProperty("delivery", out var delivery) && delivery.ValueKind == JsonValueKind.Object)
        {
            var watermark = Millis(delivery, "watermark");
            return baseEvent with
            {
                Kind = WebhookEventKind.Delivery,
                Watermark = watermark,
                Mids = delivery.TryGetProperty("mids", out var mids) && mids.ValueKind == JsonValueKind.Array
                    ? [.. mids.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!)]
                    : [],
                At = Millis(item, "timestamp") ?? watermark ?? at,
            };
        }
        if (item.TryGetProperty("read", out var read) && read.ValueKind == JsonValueKind.Object)
        {
            return baseEvent with { Kind = WebhookEventKind.Read, Watermark = Millis(read, "watermark") };
        }
        if (item.TryGetProperty("message_edit", out var edit) && edit.ValueKind == JsonValueKind.Object)
        {
            return baseEvent with { Kind = WebhookEventKind.Edit, Mid = Str(edit, "mid"), Text = Str(edit, "text") };
        }
        if (item.TryGetProperty("pass_thread_control", out var pass))
        {
            return Handover(baseEvent, WebhookEventKind.PassThreadControl, pass);
        }
        if (item.TryGetProperty("take_thread_control", out var take))
        {
            return Handover(baseEvent, WebhookEventKind.TakeThreadControl, take);
        }
        if (item.TryGetProperty("request_thread_control", out var request))
        {
            return baseEvent with
            {
                Kind = WebhookEventKind.RequestThreadControl,
                NewOwnerAppId = Id(request, "requested_owner_app_id"),
                Metadata = Str(request, "metadata"),
            };
        }
        if (item.TryGetProperty("app_roles", out var roles) && roles.ValueKind == JsonValueKind.Object)
        {
            var primary = roles.EnumerateObject()
                .FirstOrDefault(p => p.Value.ValueKind == JsonValueKind.Array
                    && p.Value.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == "primary_receiver"));
            return baseEvent with { Kind = WebhookEventKind.AppRoles, NewOwnerAppId = primary.Value.ValueKind == JsonValueKind.Undefined ? null : primary.Name };
        }
        return baseEvent;
    }

    private static WebhookEvent Handover(WebhookEvent baseEvent, WebhookEventKind kind, JsonElement handover) => baseEvent with
    {
        Kind = kind,
        NewOwnerAppId = Id(handover, "new_owner_app_id"),
        PreviousOwnerAppId = Id(handover, "previous_owner_app_id"),
        Metadata = Str(handover, "metadata"),
    };

    private static IReadOnlyList<WebhookAttachment> Attachments(JsonElement message)
    {
        if (!message.TryGetProperty("attachments", out var attachments) || attachments.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        var list = new List<WebhookAttachment>();
        foreach (var attachment in attachments.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object))
        {
            var payload = attachment.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            list.Add(new WebhookAttachment(
                Str(attachment, "type") ?? "fallback",
                payload.ValueKind == JsonValueKind.Object ? Str(payload, "url") : null,
                Str(attachment, "title") ?? (payload.ValueKind == JsonValueKind.Object ? Str(payload, "title") : null)));
        }
        return list;
    }

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>Ids come as strings, but a few (app_id in echoes, requested_owner_app_id) as numbers.</summary>
    private static string? Id(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static DateTimeOffset? Millis(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }
        long millis;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            millis = number;
        }
        else if (value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            millis = parsed;
        }
        else
        {
            return null;
        }
        return DateTimeOffset.FromUnixTimeMilliseconds(millis);
    }
}
