using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Console.Sandbox.World;
using PageTasks = Omnichat.Console.Sandbox.World.PageTasks;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>Decides whether a token still works, and with which error it fails, the way Meta does (§8.4).</summary>
public sealed class TokenInspector(IOptions<FacebookOptions> facebook)
{
    public string AppId => facebook.Value.AppId;

    /// <summary>The app token Meta's client_credentials grant returns; "{app-id}|{app-secret}" works too.</summary>
    public string ClientCredentialsToken => $"{AppId}|{TokenMinter.Hash("app-token|" + facebook.Value.AppSecret)[..27]}";

    public bool IsAppToken(string token) =>
        token == $"{AppId}|{facebook.Value.AppSecret}" || token == ClientCredentialsToken;

    public TokenCheck Inspect(WorldState world, string? token, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(token))
        {
            return new TokenCheck(null, GraphErrors.TokenRequired);
        }
        if (IsAppToken(token))
        {
            return new TokenCheck(null, null, IsAppToken: true);
        }
        if (!world.Tokens.TryGetValue(TokenMinter.Hash(token), out var issued))
        {
            return new TokenCheck(null, GraphErrors.CannotParseToken);
        }
        return new TokenCheck(issued, Why(world, issued, now));
    }

    private GraphError? Why(WorldState world, IssuedToken token, DateTimeOffset now)
    {
        var user = world.FindUser(token.UserId);
        if (user is null)
        {
            return GraphErrors.CannotParseToken;
        }
        // A checkpointed account blocks every token until the user confirms their identity.
        if (user.TokenState == TokenState.Checkpoint)
        {
            return GraphErrors.Killed(TokenState.Checkpoint, AppId);
        }
        if (token.SessionGeneration < user.SessionGeneration)
        {
            // The first event after the token was issued is the one that killed it.
            var killer = user.SessionEvents.OrderBy(e => e.Generation).First(e => e.Generation > token.SessionGeneration);
            return GraphErrors.Killed(killer.Reason, AppId);
        }
        if (token.ExpiresAt is { } expiresAt && now >= expiresAt)
        {
            return GraphErrors.Expired(expiresAt, now);
        }
        if (token.Kind == TokenKind.Page)
        {
            return WhyPage(world, token);
        }
        return world.FindGrant(token.UserId) is null ? GraphErrors.Killed(TokenState.AppRemoved, AppId) : null;
    }

    private static GraphError? WhyPage(WorldState world, IssuedToken token)
    {
        var page = token.PageId is null ? null : world.FindPage(token.PageId);
        if (page is null)
        {
            return GraphErrors.CannotParseToken;
        }
        page.Roles.TryGetValue(token.UserId, out var tasks);
        if (tasks is null || tasks.Count == 0 || (PageTasks.HasFullControl(token.TasksAtIssue) && !PageTasks.HasFullControl(tasks)))
        {
            return GraphErrors.NotPageAdmin;
        }
        var grant = world.FindGrant(token.UserId);
        if (grant is null || !GrantRules.CoversPage(grant, page)
            || token.Scopes.Any(s => GrantRules.IsPageScope(s) && !grant.Granted.Contains(s)))
        {
            return GraphErrors.Impersonating;
        }
        return null;
    }
}
