using System.Text;
using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>
/// <c>GET me/accounts</c> (§4): only pages the user granted pages_show_list for, business pages only with
/// business_management and their business selected; cursors always, <c>next</c> only when more pages exist.
/// </summary>
public sealed class AccountsHandler(SandboxWorld world, TokenInspector inspector)
{
    private const int DefaultLimit = 25;
    private const int MaxLimit = 100;

    public GraphResult Handle(GraphRequest request, string id) => world.ReadIssuingTokens((state, now) =>
    {
        var check = inspector.Inspect(state, request.AccessToken, now);
        if (check.Error is { } error)
        {
            return GraphResult.Fail(error);
        }
        if (check.Token is not { Kind: TokenKind.User } token)
        {
            return GraphResult.Fail(GraphErrors.NonexistingField("accounts", check.IsAppToken ? "Application" : "Page"));
        }
        if (id != "me" && id != token.UserId)
        {
            return GraphResult.Fail(GraphErrors.NotAccessible(id));
        }
        var limit = DefaultLimit;
        if (request.Param("limit") is { } limitText && (!int.TryParse(limitText, out limit) || limit < 1))
        {
            return GraphResult.Fail(GraphErrors.InvalidParameter("Param limit must be a positive integer"));
        }
        limit = Math.Min(limit, MaxLimit);

        var pages = GrantRules.VisiblePages(state, state.FindGrant(token.UserId)!).ToList();
        var start = 0;
        if (request.Param("after") is { } after)
        {
            start = pages.FindIndex(p => p.Id == DecodeCursor(after)) + 1;
        }
        else if (request.Param("before") is { } before)
        {
            start = Math.Max(0, pages.FindIndex(p => p.Id == DecodeCursor(before)) - limit);
        }
        var slice = pages.Skip(start).Take(limit).ToList();
        var fields = request.Fields("access_token", "category", "category_list", "name", "id", "tasks");

        var data = new JsonArray();
        foreach (var page in slice)
        {
            data.Add(PageFields.Render(page, fields, request.PublicBaseUrl, token.UserId,
                () => TokenIssuer.PageTokenFor(state, request.AccessToken!, token, page, now)));
        }
        var body = new JsonObject { ["data"] = data };
        if (slice.Count > 0)
        {
            var paging = new JsonObject
            {
                ["cursors"] = new JsonObject { ["before"] = EncodeCursor(slice[0].Id), ["after"] = EncodeCursor(slice[^1].Id) },
            };
            if (start > 0)
            {
                paging["previous"] = Link(request, token.UserId, limit, "before", EncodeCursor(slice[0].Id));
            }
            if (start + slice.Count < pages.Count)
            {
                paging["next"] = Link(request, token.UserId, limit, "after", EncodeCursor(slice[^1].Id));
            }
            body["paging"] = paging;
        }
        return GraphResult.Ok(body);
    });

    /// <summary>Like Meta's, the link is absolute and carries the token, so a client can follow it as is.</summary>
    private static string Link(GraphRequest request, string userId, int limit, string cursorName, string cursor)
    {
        var query = new List<string>();
        if (request.Param("fields") is { } fields)
        {
            query.Add("fields=" + Uri.EscapeDataString(fields));
        }
        query.Add($"limit={limit}");
        query.Add("access_token=" + Uri.EscapeDataString(request.AccessToken ?? ""));
        query.Add($"{cursorName}={Uri.EscapeDataString(cursor)}");
        return $"{request.PublicBaseUrl}/sandbox/graph/{request.Version}/{userId}/accounts?{string.Join('&', query)}";
    }

    private static string EncodeCursor(string pageId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes("QVFI" + pageId)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeCursor(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            return text.StartsWith("QVFI", StringComparison.Ordinal) ? text[4..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
