using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>A Graph answer: status, JSON body and the trace id that goes into both body and headers.</summary>
public sealed record GraphResult(int StatusCode, JsonNode Body, string TraceId, GraphError? Error = null)
{
    /// <summary>A business object id for x-business-use-case-usage (the page, when the call was about one).</summary>
    public string? UsageObjectId { get; init; }

    public static GraphResult Ok(JsonNode body) => new(StatusCodes.Status200OK, body, TokenMinter.NewTraceId());

    public static GraphResult Success() => Ok(new JsonObject { ["success"] = true });

    public static GraphResult Fail(GraphError error)
    {
        var traceId = TokenMinter.NewTraceId();
        return new GraphResult(error.HttpStatus, error.ToBody(traceId), traceId, error);
    }
}
