using Microsoft.Extensions.Logging;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Channels;

/// <summary>Installs and removes our app on a page with the Messenger webhook fields. Never swallows an error.</summary>
public sealed class ConnectionSubscriber(GraphClient graph, ILogger<ConnectionSubscriber> logger)
{
    public async Task<GraphResult<bool>> SubscribeAsync(string pageId, string pageToken, CancellationToken cancellationToken)
    {
        var result = await graph.SubscribeAppAsync(pageId, pageToken, MessengerWebhookFields.Required, cancellationToken);
        if (!result.IsSuccess)
        {
            logger.LogWarning("Subscribing page {PageId} failed: {Error}", pageId, result.Error.ToString());
        }
        return result;
    }

    public async Task<GraphResult<bool>> UnsubscribeAsync(string pageId, string pageToken, CancellationToken cancellationToken)
    {
        var result = await graph.UnsubscribeAppAsync(pageId, pageToken, cancellationToken);
        if (!result.IsSuccess)
        {
            logger.LogWarning("Unsubscribing page {PageId} failed: {Error}", pageId, result.Error.ToString());
        }
        return result;
    }
}
