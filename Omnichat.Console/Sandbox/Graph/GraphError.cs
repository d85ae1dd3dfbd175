using System.Text.Json.Nodes;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>
/// A Graph API error as Meta sends it (§8.1). <see cref="AuthenticateKind"/> goes into
/// <c>WWW-Authenticate: OAuth "Facebook Platform" "&lt;kind&gt;" "&lt;message&gt;"</c>.
/// </summary>
public sealed record GraphError(
    int Code,
    string Message,
    int? Subcode = null,
    int HttpStatus = StatusCodes.Status400BadRequest,
    string AuthenticateKind = GraphError.InvalidRequest,
    bool? IsTransient = null,
    string? UserTitle = null,
    string? UserMessage = null,
    string Type = GraphError.OAuthException)
{
    public const string OAuthException = "OAuthException";
    public const string GraphMethodException = "GraphMethodException";

    public const string InvalidToken = "invalid_token";
    public const string InvalidRequest = "invalid_request";
    public const string InvalidCode = "invalid_code";

    /// <summary>The top-level <c>{"error":{...}}</c> body.</summary>
    public JsonObject ToBody(string traceId)
    {
        var error = new JsonObject
        {
            ["message"] = Message,
            ["type"] = Type,
            ["code"] = Code,
        };
        if (Subcode is { } subcode)
        {
            error["error_subcode"] = subcode;
        }
        if (IsTransient is { } transient)
        {
            error["is_transient"] = transient;
        }
        if (UserTitle is not null)
        {
            error["error_user_title"] = UserTitle;
        }
        if (UserMessage is not null)
        {
            error["error_user_msg"] = UserMessage;
        }
        error["fbtrace_id"] = traceId;
        return new JsonObject { ["error"] = error };
    }

    /// <summary>The form debug_token puts inside <c>data.error</c>: the key is <c>subcode</c>, not <c>error_subcode</c>.</summary>
    public JsonObject ToDebugTokenError()
    {
        var error = new JsonObject { ["code"] = Code, ["message"] = Message };
        if (Subcode is { } subcode)
        {
            error["subcode"] = subcode;
        }
        return error;
    }
}
