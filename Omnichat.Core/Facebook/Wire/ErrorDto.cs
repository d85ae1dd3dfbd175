namespace Omnichat.Core.Facebook.Wire;

/// <summary>
/// The <c>error</c> object of §8.1, and debug_token's <c>data.error</c>, which calls the subcode <c>subcode</c>.
/// </summary>
internal sealed record ErrorDto
{
    public int Code { get; init; }
    public int? ErrorSubcode { get; init; }
    public int? Subcode { get; init; }
    public string? Message { get; init; }
    public string? Type { get; init; }
    public string? FbtraceId { get; init; }
    public bool? IsTransient { get; init; }
    public string? ErrorUserTitle { get; init; }
    public string? ErrorUserMsg { get; init; }

    public GraphError ToGraphError(int? httpStatus, string? traceHeader) => new(
        Code,
        ErrorSubcode ?? Subcode,
        Message ?? "",
        Type,
        string.IsNullOrEmpty(FbtraceId) ? traceHeader : FbtraceId,
        IsTransient,
        ErrorUserTitle,
        ErrorUserMsg,
        httpStatus);
}
