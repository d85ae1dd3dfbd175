using Omnichat.Tests.Facebook.Support;
using static Omnichat.Tests.Facebook.Support.GraphTestClient;

namespace Omnichat.Tests.Facebook;

public sealed class GraphClientDebugTokenTests
{
    [Fact]
    public async Task DebugToken_AnyToken_SendsInputTokenAndAppToken()
    {
        var handler = new StubGraphHandler().Json("""{ "data": { "app_id": "257422819769992", "type": "PAGE", "is_valid": true, "expires_at": 0, "scopes": [] } }""");

        await Create(handler).DebugTokenAsync(PageToken, CancellationToken.None);

        var request = handler.SingleRequest;
        request.Method.ShouldBe(HttpMethod.Get);
        request.Path.ShouldBe(VersionRootPath + "debug_token");
        request.Query.ShouldBe(new Dictionary<string, string>
        {
            ["input_token"] = PageToken,
            ["access_token"] = $"{AppId}|{AppSecret}",
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task DebugToken_ValidUserTokenWithGranularScopes_ReturnsScopesAndTargets()
    {
        var handler = new StubGraphHandler().Json("""
            {
              "data": {
                "app_id": "257422819769992", "type": "USER", "application": "Acme Inbox Connector",
                "data_access_expires_at": 1767225600, "expires_at": 1764547200, "is_valid": true, "issued_at": 1759363200,
                "scopes": ["pages_show_list", "pages_messaging", "pages_manage_metadata", "pages_read_engagement", "business_management", "public_profile"],
                "granular_scopes": [
                  { "scope": "pages_show_list", "target_ids": ["104518538110000", "109004958110000"] },
                  { "scope": "pages_messaging", "target_ids": ["104518538110000", "109004958110000"] },
                  { "scope": "business_management" }
                ],
                "user_id": "780170842500000"
              }
            }
            """);

        var result = await Create(handler).DebugTokenAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        var info = result.Value;
        info.IsValid.ShouldBeTrue();
        info.AppId.ShouldBe(AppId);
        info.Type.ShouldBe("USER");
        info.UserId.ShouldBe("780170842500000");
        info.ExpiresAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1764547200));
        info.DataAccessExpiresAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1767225600));
        info.Scopes.ShouldContain("pages_messaging");
        info.Error.ShouldBeNull();
        info.TargetIdsFor("pages_messaging").ShouldBe(["104518538110000", "109004958110000"]);
        info.TargetIdsFor("business_management").ShouldBeNull();
        info.TargetIdsFor("public_profile").ShouldBeNull();
        info.TargetIdsFor("instagram_basic").ShouldBeEmpty();
    }

    [Fact]
    public async Task DebugToken_PageTokenNeverExpiring_ReturnsNullExpiryAndProfileId()
    {
        var handler = new StubGraphHandler().Json("""
            { "data": { "app_id": "257422819769992", "type": "PAGE", "application": "Acme Inbox Connector",
                        "data_access_expires_at": 1767225600, "expires_at": 0, "is_valid": true, "profile_id": "104518538110000",
                        "scopes": ["pages_show_list", "pages_messaging"],
                        "granular_scopes": [{ "scope": "pages_messaging", "target_ids": ["104518538110000"] }],
                        "user_id": "780170842500000" } }
            """);

        var result = await Create(handler).DebugTokenAsync(PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ExpiresAt.ShouldBeNull();
        result.Value.ProfileId.ShouldBe("104518538110000");
    }

    [Fact]
    public async Task DebugToken_NumericTargetIds_ReadsThemAsStrings()
    {
        var handler = new StubGraphHandler().Json("""
            { "data": { "is_valid": true, "scopes": ["pages_messaging"],
                        "granular_scopes": [{ "scope": "pages_messaging", "target_ids": [104518538110000, "109004958110000"] }] } }
            """);

        var result = await Create(handler).DebugTokenAsync(PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.TargetIdsFor("pages_messaging").ShouldBe(["104518538110000", "109004958110000"]);
    }

    [Fact]
    public async Task DebugToken_InvalidatedToken_IsSuccessWithDataErrorAndSubcode()
    {
        var handler = new StubGraphHandler().Json("""
            { "data": { "app_id": "257422819769992", "type": "USER", "application": "Acme Inbox Connector",
                        "data_access_expires_at": 1671412462,
                        "error": { "code": 190,
                                   "message": "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
                                   "subcode": 460 },
                        "expires_at": 0, "is_valid": false, "scopes": ["pages_show_list", "pages_messaging"], "user_id": "780170842500000" } }
            """);

        var result = await Create(handler).DebugTokenAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.IsValid.ShouldBeFalse();
        result.Value.Error.ShouldNotBeNull();
        result.Value.Error.Code.ShouldBe(190);
        result.Value.Error.Subcode.ShouldBe(460);
        result.Value.Error.Message.ShouldStartWith("Error validating access token");
    }

    [Fact]
    public async Task DebugToken_GarbageToken_IsSuccessWithErrorWithoutSubcode()
    {
        var handler = new StubGraphHandler().Json("""
            { "data": { "error": { "code": 190, "message": "Invalid OAuth access token - Cannot parse access token" },
                        "is_valid": false, "scopes": [] } }
            """);

        var result = await Create(handler).DebugTokenAsync("not-a-token", CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.IsValid.ShouldBeFalse();
        result.Value.Error.ShouldBe(new Omnichat.Core.Facebook.GraphError(190, null, "Invalid OAuth access token - Cannot parse access token"));
        result.Value.Scopes.ShouldBeEmpty();
        result.Value.GranularScopes.ShouldBeEmpty();
    }

    [Fact]
    public async Task DebugToken_BadAppToken_ReturnsFailure()
    {
        var handler = new StubGraphHandler().GraphError("""
            { "error": { "message": "(#100) You must provide an app access token, or a user access token that is an owner or developer of the app",
                         "type": "OAuthException", "code": 100, "fbtrace_id": "ATro7hQJL1cS" } }
            """);

        var result = await Create(handler).DebugTokenAsync(PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe(100);
        result.Error.Subcode.ShouldBeNull();
        result.Error.FbTraceId.ShouldBe("ATro7hQJL1cS");
    }

    [Fact]
    public async Task DebugToken_AnswerWithoutData_ReturnsTransportError()
    {
        var handler = new StubGraphHandler().Json("""{ "unexpected": true }""");

        var result = await Create(handler).DebugTokenAsync(PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.IsTransport.ShouldBeTrue();
    }
}
