using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>
/// The Conversations API (§17): <c>GET {page-id}/conversations?platform=messenger</c> newest first with cursor paging
/// (no time-based paging), <c>GET {conversation-id}?fields=messages{...}</c> and <c>GET {conversation-id}/messages</c>.
/// Only the 20 most recent messages of a thread carry their details; older ones list their id and time alone. Each call
/// counts against the page's 2 calls per second (<see cref="ConversationsMeter"/>).
/// </summary>
public sealed class ConversationsHandler(SandboxWorld world, TokenInspector inspector, ConversationsMeter meter)
{
    /// <summary>"You can only get the details of the 20 most recent messages in a conversation."</summary>
    public const int DetailedMessages = 20;
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;

    public static bool IsConversationId(string id) => id.StartsWith("t_", StringComparison.Ordinal);

    public GraphResult List(GraphRequest request, string pageId) => world.Read((state, now) =>
    {
        if (PageFor(request, state, now, pageId) is not { } page)
        {
            return Refusal(request, state, now, pageId);
        }
        if (!meter.TryCall(page.Id))
        {
            return GraphResult.Fail(ConversationErrors.TooManyCalls) with { UsageObjectId = page.Id };
        }
        if (FieldExpansion.Parse(request.Param("fields")) is not { } fields || LimitOf(request) is not { } limit)
        {
            return GraphResult.Fail(ConversationErrors.BadFields);
        }
        var userId = request.Param("user_id");
        if (page.HighVolume && userId is null)
        {
            return GraphResult.Fail(ConversationErrors.HighVolume) with { UsageObjectId = page.Id };
        }
        // Instagram threads would come with platform=instagram; the sandbox's pages have none.
        var threads = request.Param("platform") is null or "messenger"
            ? page.Conversations.Where(c => userId is null || c.Psid == userId).OrderByDescending(c => c.UpdatedTime).ToList()
            : [];
        var (start, slice) = Slice(request, threads, limit);
        var data = new JsonArray();
        foreach (var conversation in slice)
        {
            var node = new JsonObject { ["id"] = conversation.Id, ["updated_time"] = GraphTime(conversation.UpdatedTime) };
            if (fields.FirstOrDefault(f => f.Name == "participants") is not null)
            {
                node["participants"] = new JsonObject { ["data"] = new JsonArray(Person(page, conversation.Psid, false), Person(page, conversation.Psid, true)) };
            }
            data.Add(node);
        }
        var body = new JsonObject { ["data"] = data };
        if (Paging(request, $"{page.Id}/conversations", start, slice.Count, threads.Count, limit) is { } paging)
        {
            body["paging"] = paging;
        }
        return GraphResult.Ok(body) with { UsageObjectId = page.Id };
    });

    /// <summary><c>GET {conversation-id}</c>: its id, <c>updated_time</c> and, expanded, its messages.</summary>
    public GraphResult Conversation(GraphRequest request, string conversationId) => world.Read((state, now) =>
    {
        if (Thread(request, state, now, conversationId, out var failure) is not var (page, conversation))
        {
            return failure!;
        }
        if (FieldExpansion.Parse(request.Param("fields")) is not { } fields)
        {
            return GraphResult.Fail(ConversationErrors.BadFields);
        }
        var node = new JsonObject();
        foreach (var field in fields.Count == 0 ? [new FieldExpansion("id", null, [])] : fields)
        {
            switch (field.Name)
            {
                case "updated_time":
                    node["updated_time"] = GraphTime(conversation.UpdatedTime);
                    break;
                case "participants":
                    node["participants"] = new JsonObject { ["data"] = new JsonArray(Person(page, conversation.Psid, false), Person(page, conversation.Psid, true)) };
                    break;
                case "messages":
                    node["messages"] = Messages(request, page, conversation, field.Fields, Math.Min(field.Limit ?? DefaultLimit, MaxLimit), 0);
                    break;
            }
        }
        node["id"] = conversation.Id;
        return GraphResult.Ok(node) with { UsageObjectId = page.Id };
    });

    /// <summary><c>GET {conversation-id}/messages</c>, where the <c>next</c> links of an expanded list lead.</summary>
    public GraphResult MessagesEdge(GraphRequest request, string conversationId) => world.Read((state, now) =>
    {
        if (Thread(request, state, now, conversationId, out var failure) is not var (page, conversation))
        {
            return failure!;
        }
        if (FieldExpansion.Parse(request.Param("fields")) is not { } fields || LimitOf(request) is not { } limit)
        {
            return GraphResult.Fail(ConversationErrors.BadFields);
        }
        var start = request.Param("after") is { } after && DecodeCursor(after) is { } index ? index + 1 : 0;
        return GraphResult.Ok(Messages(request, page, conversation, fields, limit, start)) with { UsageObjectId = page.Id };
    });

    private (SandboxPage, SandboxConversation)? Thread(GraphRequest request, WorldState state, DateTimeOffset now, string conversationId,
        out GraphResult? failure)
    {
        failure = null;
        var check = inspector.Inspect(state, request.AccessToken, now);
        if (check.Error is { } error)
        {
            failure = GraphResult.Fail(error);
            return null;
        }
        if (ConversationLog.Find(state, conversationId) is not var (page, conversation)
            || check.Token is not { Kind: TokenKind.Page } token || token.PageId != page.Id)
        {
            failure = GraphResult.Fail(GraphErrors.NotAccessible(conversationId));
            return null;
        }
        if (!meter.TryCall(page.Id))
        {
            failure = GraphResult.Fail(ConversationErrors.TooManyCalls) with { UsageObjectId = page.Id };
            return null;
        }
        return (page, conversation);
    }

    private SandboxPage? PageFor(GraphRequest request, WorldState state, DateTimeOffset now, string pageId)
    {
        var check = inspector.Inspect(state, request.AccessToken, now);
        var page = state.FindPage(pageId);
        return check.Error is null && page is not null && check.Token is { Kind: TokenKind.Page } token && token.PageId == page.Id ? page : null;
    }

    private GraphResult Refusal(GraphRequest request, WorldState state, DateTimeOffset now, string pageId)
    {
        var check = inspector.Inspect(state, request.AccessToken, now);
        if (check.Error is { } error)
        {
            return GraphResult.Fail(error);
        }
        if (state.FindPage(pageId) is null)
        {
            return GraphResult.Fail(GraphErrors.UnknownAlias(pageId));
        }
        return GraphResult.Fail(check.Token is { Kind: TokenKind.Page } ? GraphErrors.WrongPageToken : GraphErrors.PageTokenRequired);
    }

    /// <summary>Newest first; items past the 20 most recent carry only <c>id</c> and <c>created_time</c>.</summary>
    private static JsonObject Messages(GraphRequest request, SandboxPage page, SandboxConversation conversation,
        IReadOnlyList<FieldExpansion> fields, int limit, int start)
    {
        var names = fields.Count == 0 ? ["id", "created_time"] : fields.Select(f => f.Name).ToList();
        var newestFirst = Enumerable.Reverse(conversation.Messages).ToList();
        var slice = newestFirst.Skip(start).Take(limit).ToList();
        var data = new JsonArray();
        for (var i = 0; i < slice.Count; i++)
        {
            data.Add(Message(page, conversation, slice[i], names, detailed: start + i < DetailedMessages));
        }
        var list = new JsonObject { ["data"] = data };
        var fieldsText = fields.Count == 0 ? null : string.Join(',', fields.Select(f => f.Name));
        if (Paging(request, $"{conversation.Id}/messages", start, slice.Count, newestFirst.Count, limit, fieldsText) is { } paging)
        {
            list["paging"] = paging;
        }
        return list;
    }

    private static JsonObject Message(SandboxPage page, SandboxConversation conversation, SandboxConversationMessage message,
        IReadOnlyList<string> names, bool detailed)
    {
        var node = new JsonObject();
        foreach (var name in names)
        {
            switch (name)
            {
                case "created_time":
                    node["created_time"] = GraphTime(message.CreatedTime);
                    break;
                case "from" when detailed:
                    node["from"] = Person(page, conversation.Psid, message.FromPage);
                    break;
                case "to" when detailed:
                    node["to"] = new JsonObject { ["data"] = new JsonArray(Person(page, conversation.Psid, !message.FromPage)) };
                    break;
                case "message" when detailed:
                    // Meta answers an empty string for a message that is only attachments.
                    node["message"] = message.Text ?? "";
                    break;
                case "attachments" when detailed && message.Attachments.Count > 0:
                    node["attachments"] = new JsonObject { ["data"] = new JsonArray([.. message.Attachments.Select(Attachment)]) };
                    break;
            }
        }
        node["id"] = message.Id;
        return node;
    }

    private static JsonNode Attachment(SandboxAttachment attachment, int index)
    {
        var node = new JsonObject { ["id"] = (1_000_000_000_000 + index).ToString(CultureInfo.InvariantCulture) };
        switch (attachment.Type)
        {
            case "image" or "sticker":
                node["mime_type"] = "image/jpeg";
                node["image_data"] = new JsonObject { ["url"] = attachment.Url, ["preview_url"] = attachment.Url };
                break;
            case "video":
                node["mime_type"] = "video/mp4";
                node["video_data"] = new JsonObject { ["url"] = attachment.Url };
                break;
            default:
                node["mime_type"] = attachment.Type == "audio" ? "audio/mpeg" : "application/octet-stream";
                node["file_url"] = attachment.Url;
                break;
        }
        return node;
    }

    private static JsonObject Person(SandboxPage page, string psid, bool isPage)
    {
        if (isPage)
        {
            return new JsonObject { ["name"] = page.Name, ["email"] = $"{page.Id}@facebook.com", ["id"] = page.Id };
        }
        var customer = page.Customers.GetValueOrDefault(psid);
        var (first, last) = customer?.FirstName is not null ? (customer.FirstName, customer.LastName ?? "") : CustomerNames.For(psid);
        return new JsonObject { ["name"] = $"{first} {last}".Trim(), ["email"] = $"{psid}@facebook.com", ["id"] = psid };
    }

    private static int? LimitOf(GraphRequest request) =>
        request.Param("limit") is not { } text ? DefaultLimit
        : int.TryParse(text, CultureInfo.InvariantCulture, out var limit) && limit >= 1 ? Math.Min(limit, MaxLimit) : null;

    private static (int Start, List<T> Slice) Slice<T>(GraphRequest request, List<T> items, int limit)
    {
        var start = request.Param("after") is { } after && DecodeCursor(after) is { } index ? index + 1 : 0;
        return (start, items.Skip(start).Take(limit).ToList());
    }

    /// <summary>Cursors always (when there is anything), <c>next</c> only while more follow; absolute, with the token.</summary>
    private static JsonObject? Paging(GraphRequest request, string path, int start, int count, int total, int limit, string? fields = null)
    {
        if (count == 0)
        {
            return null;
        }
        var paging = new JsonObject
        {
            ["cursors"] = new JsonObject { ["before"] = EncodeCursor(start), ["after"] = EncodeCursor(start + count - 1) },
        };
        if (start + count < total)
        {
            var query = new List<string>();
            foreach (var name in new[] { "platform", "user_id" })
            {
                if (request.Param(name) is { } value)
                {
                    query.Add($"{name}={Uri.EscapeDataString(value)}");
                }
            }
            if ((fields ?? request.Param("fields")) is { } f)
            {
                query.Add("fields=" + Uri.EscapeDataString(f));
            }
            query.Add($"limit={limit}");
            query.Add("access_token=" + Uri.EscapeDataString(request.AccessToken ?? ""));
            query.Add("after=" + EncodeCursor(start + count - 1));
            paging["next"] = $"{request.PublicBaseUrl}/sandbox/graph/{request.Version}/{path}?{string.Join('&', query)}";
        }
        return paging;
    }

    /// <summary>Graph's timestamps: ISO 8601 in UTC with a "+0000" offset.</summary>
    public static string GraphTime(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "+0000";

    private static string EncodeCursor(int index) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("QVFI" + index.ToString(CultureInfo.InvariantCulture))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int? DecodeCursor(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith("QVFI", StringComparison.Ordinal) && int.TryParse(text[4..], CultureInfo.InvariantCulture, out var index) ? index : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
