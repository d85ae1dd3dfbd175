using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary><c>GET me</c>, <c>GET {user-id}</c>, <c>GET {page-id}</c>, <c>GET {psid}</c> with a page token, and <c>GET me/permissions</c> (§3, §4).</summary>
public sealed class NodeHandler(SandboxWorld world, TokenInspector inspector)
{
    public GraphResult Node(GraphRequest request, string id) => world.ReadIssuingTokens((state, now) =>
    {
        var check = inspector.Inspect(state, request.AccessToken, now);
        if (check.Error is { } error)
        {
            return GraphResult.Fail(id == "me" && request.AccessToken is null ? GraphErrors.ActiveTokenForMe : error);
        }
        var token = check.Token;
        if (id == "me")
        {
            if (token is null)
            {
                return GraphResult.Fail(GraphErrors.ActiveTokenForMe);
            }
            id = token.Kind == TokenKind.Page ? token.PageId! : token.UserId;
        }

        if (state.FindUser(id) is { } user)
        {
            if (token?.UserId != user.Id || token.Kind != TokenKind.User)
            {
                return GraphResult.Fail(GraphErrors.NotAccessible(id));
            }
            var node = new JsonObject();
            foreach (var field in request.Fields("id", "name"))
            {
                if (field == "name")
                {
                    node["name"] = user.Name;
                }
                // Only a system user's token names a client business; a person has none and Meta leaves it out.
                else if (field == "client_business_id" && user.SystemUserOfBusinessId is { } businessId)
                {
                    node["client_business_id"] = businessId;
                }
            }
            node["id"] = user.Id;
            return GraphResult.Ok(node);
        }

        if (state.FindPage(id) is { } page)
        {
            var fields = request.Fields("id", "name");
            if (token is { Kind: TokenKind.Page })
            {
                if (token.PageId != page.Id)
                {
                    return GraphResult.Fail(GraphErrors.WrongPageToken);
                }
                return GraphResult.Ok(PageFields.Render(page, fields.Where(f => f != "access_token"), request.PublicBaseUrl, token.UserId, () => null)) with { UsageObjectId = page.Id };
            }
            var grant = token is null ? null : state.FindGrant(token.UserId);
            string? PageToken() =>
                token is not null && grant is not null && page.Roles.ContainsKey(token.UserId) && GrantRules.CoversPage(grant, page)
                    ? TokenIssuer.PageTokenFor(state, request.AccessToken!, token, page, now)
                    : null;
            return GraphResult.Ok(PageFields.Render(page, fields, request.PublicBaseUrl, token?.UserId, PageToken)) with { UsageObjectId = page.Id };
        }

        if (token is { Kind: TokenKind.Page } pageToken && state.FindPage(pageToken.PageId!) is { } tokenPage)
        {
            // Any other id asked with a page token is read as a PSID of that page (the User Profile API).
            return CustomerProfileNode.Render(request, pageToken, tokenPage, id);
        }
        return GraphResult.Fail(GraphErrors.UnknownAlias(id));
    });

    public GraphResult Permissions(GraphRequest request, string id) => world.Read((state, now) =>
    {
        var check = inspector.Inspect(state, request.AccessToken, now);
        if (check.Error is { } error)
        {
            return GraphResult.Fail(error);
        }
        if (check.Token is not { Kind: TokenKind.User } token)
        {
            return GraphResult.Fail(GraphErrors.NonexistingField("permissions", check.IsAppToken ? "Application" : "Page"));
        }
        if (id != "me" && id != token.UserId)
        {
            return GraphResult.Fail(GraphErrors.NotAccessible(id));
        }
        var grant = state.FindGrant(token.UserId)!;
        var data = new JsonArray();
        foreach (var scope in GrantRules.ScopesOf(grant))
        {
            data.Add(new JsonObject { ["permission"] = scope, ["status"] = "granted" });
        }
        foreach (var scope in grant.Declined)
        {
            data.Add(new JsonObject { ["permission"] = scope, ["status"] = "declined" });
        }
        return GraphResult.Ok(new JsonObject { ["data"] = data });
    });
}
