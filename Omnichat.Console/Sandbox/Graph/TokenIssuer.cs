using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>Issues user and page tokens into the world; callers hold the world's lock (inside Update).</summary>
public static class TokenIssuer
{
    /// <param name="lifetime">Null: never expires, as a business's system user token.</param>
    public static string IssueUserToken(WorldState world, SandboxUser user, SandboxGrant grant, DateTimeOffset now, TimeSpan? lifetime, bool longLived)
    {
        var token = TokenMinter.NewToken();
        world.Tokens[TokenMinter.Hash(token)] = new IssuedToken
        {
            Hash = TokenMinter.Hash(token),
            Kind = TokenKind.User,
            UserId = user.Id,
            IssuedAt = now,
            ExpiresAt = lifetime is { } span ? now + span : null,
            LongLived = longLived,
            SessionGeneration = user.SessionGeneration,
            Scopes = GrantRules.ScopesOf(grant),
            PageTargets = GrantRules.PageTargets(world, grant),
            BusinessTargets = GrantRules.BusinessTargets(grant),
        };
        return token;
    }

    /// <summary>
    /// The page token for <paramref name="page"/> from a valid user token. A page token from a long-lived user
    /// token never expires (expires_at 0); one from a short-lived user token dies with it (§1.5).
    /// </summary>
    public static string PageTokenFor(WorldState world, string userToken, IssuedToken user, SandboxPage page, DateTimeOffset now)
    {
        var token = TokenMinter.DerivePageToken(userToken, page.Id);
        var hash = TokenMinter.Hash(token);
        if (!world.Tokens.ContainsKey(hash))
        {
            world.Tokens[hash] = new IssuedToken
            {
                Hash = hash,
                Kind = TokenKind.Page,
                UserId = user.UserId,
                PageId = page.Id,
                IssuedAt = now,
                ExpiresAt = user.LongLived ? null : user.ExpiresAt,
                LongLived = user.LongLived,
                SessionGeneration = user.SessionGeneration,
                Scopes = [.. user.Scopes],
                PageTargets = user.PageTargets,
                BusinessTargets = user.BusinessTargets,
                TasksAtIssue = page.Roles.TryGetValue(user.UserId, out var tasks) ? [.. tasks] : [],
            };
        }
        return token;
    }
}
