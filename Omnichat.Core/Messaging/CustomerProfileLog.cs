using Microsoft.Extensions.Logging;

namespace Omnichat.Core.Messaging;

/// <summary>What the name lookup logs: ids and error codes only, never a name or a token.</summary>
internal static partial class CustomerProfileLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Customer name found for conversation {ConversationId} on page {PageId}")]
    public static partial void Found(ILogger logger, Guid conversationId, string pageId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Customer name lookup for conversation {ConversationId} on page {PageId} failed with {Code}/{Subcode}; next try after {RetryAfter}")]
    public static partial void Failed(ILogger logger, Guid conversationId, string pageId, int code, int? subcode, TimeSpan retryAfter);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Facebook gave no name for conversation {ConversationId} on page {PageId}; next try after {RetryAfter}")]
    public static partial void NoName(ILogger logger, Guid conversationId, string pageId, TimeSpan retryAfter);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Customer name lookup failed; trying again at the next interval")]
    public static partial void RoundFailed(ILogger logger, Exception exception);
}
