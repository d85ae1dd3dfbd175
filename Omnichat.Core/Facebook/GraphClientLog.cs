using Microsoft.Extensions.Logging;

namespace Omnichat.Core.Facebook;

/// <summary>
/// Everything the Graph client logs. Endpoints are paths without a query string, and messages pass through
/// <see cref="TokenRedactor"/>: tokens travel in query strings and form bodies, so neither is ever logged.
/// </summary>
internal static partial class GraphClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Graph call {Method} {Endpoint} failed with {Code}/{Subcode} ({ErrorType}) HTTP {HttpStatus} trace {FbTraceId}: {ErrorMessage}")]
    public static partial void GraphError(ILogger logger, string method, string endpoint, int code, int? subcode,
        string? errorType, int? httpStatus, string? fbTraceId, string errorMessage);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Graph call {Method} {Endpoint} got no usable answer (HTTP {HttpStatus}): {Reason}")]
    public static partial void TransportFailure(ILogger logger, string method, string endpoint, int? httpStatus, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Graph call {Method} {Endpoint} answered HTTP {HttpStatus}")]
    public static partial void Answered(ILogger logger, string method, string endpoint, int httpStatus);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning,
        Message = "Graph call {Endpoint} stopped paging after {PageCount} pages; the remaining results are not listed")]
    public static partial void PagingCapped(ILogger logger, string endpoint, int pageCount);
}
