using System.Text.RegularExpressions;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>Sends a Graph call to its handler by method and path, for HTTP requests and batch operations alike.</summary>
public sealed partial class GraphRouter(
    OAuthAccessTokenHandler oauth,
    DebugTokenHandler debugToken,
    NodeHandler nodes,
    AccountsHandler accounts,
    SubscribedAppsHandler subscribedApps,
    MessagesHandler messages,
    ConversationsHandler conversations)
{
    [GeneratedRegex(@"^v\d+\.\d+$")]
    public static partial Regex VersionPattern();

    public GraphResult Dispatch(GraphRequest request)
    {
        var segments = request.Segments;
        var method = request.Method;
        return segments switch
        {
            ["oauth", "access_token"] when method == "GET" => oauth.Handle(request),
            ["debug_token"] when method == "GET" => debugToken.Handle(request),
            [var id] when method == "GET" && ConversationsHandler.IsConversationId(id) => conversations.Conversation(request, id),
            [var id] when method == "GET" => nodes.Node(request, id),
            [var id, "conversations"] when method == "GET" => conversations.List(request, id),
            [var id, "messages"] when method == "GET" && ConversationsHandler.IsConversationId(id) => conversations.MessagesEdge(request, id),
            [var id, "permissions"] when method == "GET" => nodes.Permissions(request, id),
            [var id, "accounts"] when method == "GET" => accounts.Handle(request, id),
            [var id, "messages"] when method == "POST" => messages.Handle(request, id),
            [var id, "subscribed_apps"] when method is "GET" or "POST" or "DELETE" => subscribedApps.Handle(request, id),
            _ => GraphResult.Fail(GraphErrors.UnknownPath(request.Path)),
        };
    }
}
