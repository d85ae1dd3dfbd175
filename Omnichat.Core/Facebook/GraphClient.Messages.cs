using System.Text.Json;
using Omnichat.Core.Facebook.Wire;

namespace Omnichat.Core.Facebook;

public sealed partial class GraphClient
{
    /// <summary>
    /// <c>POST {page-id}/messages</c> with the page token (§7). recipient and message go as JSON-valued form fields, which
    /// Graph reads like a JSON body. Window and recipient errors come back as <see cref="GraphError"/> values.
    /// </summary>
    public async Task<GraphResult<SentMessage>> SendMessageAsync(string pageId, string pageToken, OutgoingMessage message, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(pageId);
        ArgumentNullException.ThrowIfNull(message);
        var path = $"{Uri.EscapeDataString(pageId)}/messages";
        var body = new Dictionary<string, string> { ["text"] = message.Text };
        if (message.Metadata is not null)
        {
            body["metadata"] = message.Metadata;
        }
        List<KeyValuePair<string, string>> parameters =
        [
            new("recipient", JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = message.RecipientId })),
            new("messaging_type", message.MessagingType),
            new("message", JsonSerializer.Serialize(body)),
            new("access_token", pageToken),
        ];
        if (message.Tag is not null)
        {
            parameters.Add(new("tag", message.Tag));
        }
        var result = await SendAsync<SendMessageDto>(HttpMethod.Post, path, parameters, ct);
        if (!result.IsSuccess)
        {
            return GraphResult<SentMessage>.Failure(result.Error);
        }
        return string.IsNullOrEmpty(result.Value.MessageId)
            ? Unexpected<SentMessage>(HttpMethod.Post, path, "the answer has no message_id")
            : GraphResult<SentMessage>.Success(new SentMessage(result.Value.RecipientId, result.Value.MessageId));
    }
}
