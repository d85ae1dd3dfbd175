using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary><c>GET oauth/access_token</c>: code exchange, fb_exchange_token and client_credentials (§1.3, §1.4).</summary>
public sealed class OAuthAccessTokenHandler(
    SandboxWorld world,
    TokenInspector inspector,
    IOptions<FacebookOptions> facebook,
    IOptions<SandboxOptions> sandbox,
    ILogger<OAuthAccessTokenHandler> logger)
{
    public GraphResult Handle(GraphRequest request)
    {
        if (request.Param("client_id") != facebook.Value.AppId)
        {
            return GraphResult.Fail(GraphErrors.BadClientId);
        }
        if (request.Param("client_secret") != facebook.Value.AppSecret)
        {
            return GraphResult.Fail(GraphErrors.BadClientSecret);
        }
        return request.Param("grant_type") switch
        {
            "client_credentials" => GraphResult.Ok(new JsonObject
            {
                ["access_token"] = inspector.ClientCredentialsToken,
                ["token_type"] = "bearer",
            }),
            "fb_exchange_token" => ExchangeForLongLived(request.Param("fb_exchange_token")),
            _ => ExchangeCode(request.Param("code"), request.Param("redirect_uri")),
        };
    }

    private GraphResult ExchangeCode(string? code, string? redirectUri)
    {
        if (code is null)
        {
            return GraphResult.Fail(GraphErrors.CodeInvalid);
        }
        var lifetime = TimeSpan.FromSeconds(sandbox.Value.ShortLivedTokenSeconds);
        return world.Update((state, now) =>
        {
            if (!state.Codes.TryGetValue(TokenMinter.Hash(code), out var issued))
            {
                return GraphResult.Fail(GraphErrors.CodeInvalid);
            }
            if (issued.UsedAt is not null)
            {
                return GraphResult.Fail(GraphErrors.CodeUsed);
            }
            if (now - issued.IssuedAt > TimeSpan.FromMinutes(sandbox.Value.CodeLifetimeMinutes))
            {
                return GraphResult.Fail(GraphErrors.CodeExpired);
            }
            if (!string.Equals(issued.RedirectUri, redirectUri, StringComparison.Ordinal))
            {
                return GraphResult.Fail(GraphErrors.CodeRedirectMismatch);
            }
            var user = state.FindUser(issued.UserId);
            var grant = state.FindGrant(issued.UserId);
            if (user is null || grant is null)
            {
                return GraphResult.Fail(GraphErrors.CodeInvalid);
            }
            issued.UsedAt = now;
            // A new consent starts a new session: the user's tokens work again from here on.
            user.TokenState = TokenState.Valid;
            if (user.IsSystemUser)
            {
                // A Business Integration System User token comes straight from the code and never expires: there is
                // no long-lived step (and so no expires_in).
                var systemToken = TokenIssuer.IssueUserToken(state, user, grant, now, lifetime: null, longLived: true);
                logger.LogInformation("Sandbox exchanged a code for the system user token of user {UserId}", user.Id);
                return GraphResult.Ok(new JsonObject { ["access_token"] = systemToken, ["token_type"] = "bearer" });
            }
            var token = TokenIssuer.IssueUserToken(state, user, grant, now, lifetime, longLived: false);
            logger.LogInformation("Sandbox exchanged a code for a short-lived user token of user {UserId}", user.Id);
            return TokenAnswer(token, lifetime);
        });
    }

    private GraphResult ExchangeForLongLived(string? shortLived)
    {
        var lifetime = TimeSpan.FromSeconds(sandbox.Value.LongLivedTokenSeconds);
        return world.Update((state, now) =>
        {
            var check = inspector.Inspect(state, shortLived, now);
            if (check.Error is { } error)
            {
                return GraphResult.Fail(error);
            }
            if (!check.IsValidUser || state.FindUser(check.Token!.UserId) is not { IsSystemUser: false } user || state.FindGrant(user.Id) is not { } grant)
            {
                return GraphResult.Fail(GraphErrors.InvalidParameter("fb_exchange_token must be a user access token"));
            }
            var token = TokenIssuer.IssueUserToken(state, user, grant, now, lifetime, longLived: true);
            logger.LogInformation("Sandbox issued a long-lived user token for user {UserId}", user.Id);
            return TokenAnswer(token, lifetime);
        });
    }

    private static GraphResult TokenAnswer(string token, TimeSpan lifetime) => GraphResult.Ok(new JsonObject
    {
        ["access_token"] = token,
        ["token_type"] = "bearer",
        ["expires_in"] = (long)lifetime.TotalSeconds,
    });
}
