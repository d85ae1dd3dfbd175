using System.Net;
using Omnichat.Tests.Facebook.Support;
using static Omnichat.Tests.Facebook.Support.GraphTestClient;

namespace Omnichat.Tests.Facebook;

public sealed class GraphClientOAuthTests
{
    private const string RedirectUri = "http://127.0.0.1:5999/facebook/oauth/callback";

    [Fact]
    public async Task ExchangeCode_ValidCode_SendsDocumentedQueryAndReturnsToken()
    {
        var handler = new StubGraphHandler().Json("""{ "access_token": "EAAGm0PX4ZCpsBAexchanged", "token_type": "bearer", "expires_in": 5183944 }""");

        var result = await Create(handler).ExchangeCodeAsync("AQBx-code", RedirectUri, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.Token.ShouldBe("EAAGm0PX4ZCpsBAexchanged");
        result.Value.TokenType.ShouldBe("bearer");
        result.Value.ExpiresIn.ShouldBe(5183944);
        var request = handler.SingleRequest;
        request.Method.ShouldBe(HttpMethod.Get);
        request.Path.ShouldBe(VersionRootPath + "oauth/access_token");
        request.Query.ShouldBe(new Dictionary<string, string>
        {
            ["client_id"] = AppId,
            ["redirect_uri"] = RedirectUri,
            ["client_secret"] = AppSecret,
            ["code"] = "AQBx-code",
        }, ignoreOrder: true);
    }

    [Theory]
    [InlineData(36009, "This authorization code has been used.")]
    [InlineData(36007, "This authorization code has expired.")]
    [InlineData(36008, "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request")]
    public async Task ExchangeCode_RejectedCode_ReturnsGraphErrorWithSubcode(int subcode, string message)
    {
        var handler = new StubGraphHandler().GraphError($$"""
            { "error": { "message": "{{message}}", "type": "OAuthException", "code": 100, "error_subcode": {{subcode}}, "fbtrace_id": "AcZ3kq1xY7tQ" } }
            """);

        var result = await Create(handler).ExchangeCodeAsync("AQBx-code", RedirectUri, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.ShouldBe(new Omnichat.Core.Facebook.GraphError(100, subcode, message, "OAuthException", "AcZ3kq1xY7tQ", HttpStatus: 400));
    }

    [Fact]
    public async Task ExchangeForLongLivedUserToken_ShortToken_SendsFbExchangeGrant()
    {
        var handler = new StubGraphHandler().Json("""{ "access_token": "EAAGm0PX4ZCps...LONG", "token_type": "bearer", "expires_in": 5183944 }""");

        var result = await Create(handler).ExchangeForLongLivedUserTokenAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.Token.ShouldBe("EAAGm0PX4ZCps...LONG");
        var request = handler.SingleRequest;
        request.Method.ShouldBe(HttpMethod.Get);
        request.Path.ShouldBe(VersionRootPath + "oauth/access_token");
        request.Query.ShouldBe(new Dictionary<string, string>
        {
            ["grant_type"] = "fb_exchange_token",
            ["client_id"] = AppId,
            ["client_secret"] = AppSecret,
            ["fb_exchange_token"] = UserToken,
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task ExchangeForLongLivedUserToken_NoExpiresIn_ReturnsTokenWithoutExpiry()
    {
        var handler = new StubGraphHandler().Json("""{ "access_token": "EAAGm0PX4ZCpsLONG", "token_type": "bearer" }""");

        var result = await Create(handler).ExchangeForLongLivedUserTokenAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ExpiresIn.ShouldBeNull();
    }

    [Fact]
    public async Task ExchangeCode_AnswerWithoutAccessToken_ReturnsTransportError()
    {
        var handler = new StubGraphHandler().Json("""{ "token_type": "bearer" }""");

        var result = await Create(handler).ExchangeCodeAsync("AQBx-code", RedirectUri, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.IsTransport.ShouldBeTrue();
    }

    [Fact]
    public void AccessTokenToString_Always_RedactsToken()
    {
        var token = new Omnichat.Core.Facebook.AccessToken(UserToken, "bearer", 60);

        token.ToString().ShouldNotContain("EAA");
        token.ToString().ShouldContain("bearer");
    }
}
