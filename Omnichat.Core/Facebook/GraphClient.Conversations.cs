using Omnichat.Core.Facebook.Wire;

namespace Omnichat.Core.Facebook;

/// <summary>
/// The Conversations API, one call per method so the caller paces them (2 calls per second per page). Shapes from
/// "Conversations API for Messenger Platform" (developers.facebook.com/docs/messenger-platform/conversations, updated
/// 2026-02-11): <c>GET {page-id}/conversations?platform=messenger</c> lists <c>id</c> and <c>updated_time</c>;
/// <c>GET {conversation-id}?fields=messages{...}</c> expands the messages, newest first, with
/// <c>id, created_time, from, to, message, attachments</c>. Graph reference <c>page/conversations</c>: "Time-based
/// pagination is not available for the conversations endpoint", so cursors it is (facebook-graph-api.md §17).
/// </summary>
public sealed partial class GraphClient
{
    public const string ConversationMessageFields = "id,created_time,from,to,message,attachments";
    private const string ConversationPageSize = "25";

    /// <summary>One page of the page's Messenger threads, newest first as Meta's samples show (not documented).</summary>
    /// <param name="userId">A PSID: only that customer's thread, which still works under the high-volume limit.</param>
    public async Task<GraphResult<ConversationListPage<ConversationRef>>> GetConversationsAsync(string pageId, string pageToken, string? after,
        string? userId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(pageId);
        List<KeyValuePair<string, string>> parameters =
        [
            new("platform", "messenger"),
            new("fields", "id,updated_time"),
            new("limit", ConversationPageSize),
            new("access_token", pageToken),
        ];
        if (userId is not null)
        {
            parameters.Add(new("user_id", userId));
        }
        if (after is not null)
        {
            parameters.Add(new("after", after));
        }
        var result = await SendAsync<ListDto<ConversationDto>>(HttpMethod.Get, $"{Uri.EscapeDataString(pageId)}/conversations", parameters, ct);
        if (!result.IsSuccess)
        {
            return GraphResult<ConversationListPage<ConversationRef>>.Failure(result.Error);
        }
        var items = (result.Value.Data ?? [])
            .Where(c => !string.IsNullOrEmpty(c.Id) && GraphTime.Parse(c.UpdatedTime) is not null)
            .Select(c => new ConversationRef(c.Id!, GraphTime.Parse(c.UpdatedTime)!.Value))
            .ToList();
        return GraphResult<ConversationListPage<ConversationRef>>.Success(new(items, NextCursor(result.Value.Paging, after)));
    }

    /// <summary>
    /// One page of a thread's messages, newest first: the first through field expansion on the conversation node, the
    /// next ones from its <c>messages</c> edge with the cursor.
    /// </summary>
    public async Task<GraphResult<ConversationListPage<ConversationMessage>>> GetConversationMessagesAsync(string conversationId, string pageToken,
        string? after, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var path = Uri.EscapeDataString(conversationId);
        ListDto<ConversationMessageDto>? list;
        if (after is null)
        {
            var result = await SendAsync<ConversationDto>(HttpMethod.Get, path,
                [new("fields", $"messages.limit({ConversationPageSize}){{{ConversationMessageFields}}}"), new("access_token", pageToken)], ct);
            if (!result.IsSuccess)
            {
                return GraphResult<ConversationListPage<ConversationMessage>>.Failure(result.Error);
            }
            list = result.Value.Messages;
        }
        else
        {
            var result = await SendAsync<ListDto<ConversationMessageDto>>(HttpMethod.Get, path + "/messages",
                [new("fields", ConversationMessageFields), new("limit", ConversationPageSize), new("access_token", pageToken), new("after", after)], ct);
            if (!result.IsSuccess)
            {
                return GraphResult<ConversationListPage<ConversationMessage>>.Failure(result.Error);
            }
            list = result.Value;
        }
        var items = (list?.Data ?? [])
            .Where(m => !string.IsNullOrEmpty(m.Id) && GraphTime.Parse(m.CreatedTime) is not null)
            .Select(ToMessage)
            .ToList();
        return GraphResult<ConversationListPage<ConversationMessage>>.Success(new(items, NextCursor(list?.Paging, after)));
    }

    private static ConversationMessage ToMessage(ConversationMessageDto m) => new(
        m.Id!,
        GraphTime.Parse(m.CreatedTime)!.Value,
        // Past the 20 most recent Meta gives no sender: nothing says who wrote it or what.
        Detailed: !string.IsNullOrEmpty(m.From?.Id),
        m.From?.Id,
        m.To?.Data?.FirstOrDefault()?.Id,
        string.IsNullOrEmpty(m.Message) ? null : m.Message,
        [.. (m.Attachments?.Data ?? []).Select(a => new ConversationAttachment(
            a.ImageData is not null ? "image" : a.VideoData is not null ? "video" : a.MimeType?.StartsWith("audio/", StringComparison.Ordinal) == true ? "audio" : "file",
            a.ImageData?.Url ?? a.VideoData?.Url ?? a.FileUrl,
            a.Name))]);

    /// <summary>The cursor to the next page, or null when Graph says there is none (no <c>next</c>) or repeats itself.</summary>
    private static string? NextCursor(PagingDto? paging, string? previous)
    {
        var cursor = paging?.Cursors?.After;
        return string.IsNullOrEmpty(paging?.Next) || string.IsNullOrEmpty(cursor) || cursor == previous ? null : cursor;
    }
}
