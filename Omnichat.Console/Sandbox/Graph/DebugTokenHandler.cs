using System.Text.Json.Nodes;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>
/// <c>GET debug_token</c> (§2). Meta answers HTTP 200 even for a dead input token and reports the problem in
/// <c>data.error</c> with the key <c>subcode</c>; only a bad caller token is a top-level error.
/// </summary>
public sealed class DebugTokenHandler(SandboxWorld world, TokenInspector inspector)
{
    private static readonly TimeSpan DataAccessWindow = TimeSpan.FromDays(90);

    public GraphResult Handle(GraphRequest request) => world.Read((state, now) =>
    {
        var caller = inspector.Inspect(state, request.AccessToken, now);
        if (!caller.IsAppToken && !caller.IsValidUser)
        {
            return GraphResult.Fail(GraphErrors.DebugTokenCaller);
        }
        var input = request.Param("input_token");
        if (input is null)
        {
            return GraphResult.Fail(GraphErrors.MissingParameter("input_token"));
        }
        return GraphResult.Ok(new JsonObject { ["data"] = Describe(state, inspector.Inspect(state, input, now)) });
    });

    private JsonObject Describe(WorldState state, TokenCheck check)
    {
        if (check.IsAppToken)
        {
            return new JsonObject
            {
                ["app_id"] = inspector.AppId,
                ["type"] = "APP",
                ["application"] = state.AppName,
                ["is_valid"] = true,
                ["scopes"] = new JsonArray(),
            };
        }
        if (check.Token is not { } token)
        {
            return new JsonObject
            {
                ["error"] = (check.Error ?? GraphErrors.CannotParseToken).ToDebugTokenError(),
                ["is_valid"] = false,
                ["scopes"] = new JsonArray(),
            };
        }

        var data = new JsonObject
        {
            ["app_id"] = inspector.AppId,
            // "SYSTEM_USER" for a business's system user token is the sandbox's assumption: Meta's documentation does
            // not say what debug_token answers for one (facebook-graph-api.md §16). Its page tokens are "PAGE".
            ["type"] = token.Kind == TokenKind.Page ? "PAGE" : state.FindUser(token.UserId)?.IsSystemUser == true ? "SYSTEM_USER" : "USER",
            ["application"] = state.AppName,
            ["data_access_expires_at"] = (token.IssuedAt + DataAccessWindow).ToUnixTimeSeconds(),
        };
        if (check.Error is { } error)
        {
            data["error"] = error.ToDebugTokenError();
        }
        data["expires_at"] = token.ExpiresAt?.ToUnixTimeSeconds() ?? 0;
        data["is_valid"] = check.IsValid;
        data["issued_at"] = token.IssuedAt.ToUnixTimeSeconds();
        if (token.PageId is not null)
        {
            data["profile_id"] = token.PageId;
        }

        var grant = state.FindGrant(token.UserId);
        if (check.IsValid && grant is not null)
        {
            var scopes = GrantRules.ScopesOf(grant);
            data["scopes"] = Strings(scopes);
            data["granular_scopes"] = GrantRules.Granular(scopes, GrantRules.PageTargets(state, grant), GrantRules.BusinessTargets(grant));
        }
        else
        {
            // Captures of dead tokens still list the scopes they had, except expired ones, which list none.
            var expired = check.Error?.Subcode == 463;
            data["scopes"] = expired ? new JsonArray() : Strings(token.Scopes);
        }
        data["user_id"] = token.UserId;
        return data;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)v)]);
}
