using Omnichat.Core.Facebook;
using Omnichat.Tests.Facebook.Support;
using static Omnichat.Tests.Facebook.Support.GraphTestClient;

namespace Omnichat.Tests.Facebook;

public sealed class GraphClientUserTests
{
    [Fact]
    public async Task GetMe_ValidToken_AsksForIdAndNameAndReturnsUser()
    {
        var handler = new StubGraphHandler().Json("""{ "id": "780170842500000", "name": "Dana Admin" }""");

        var result = await Create(handler).GetMeAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBe(new FacebookUser("780170842500000", "Dana Admin"));
        var request = handler.SingleRequest;
        request.Method.ShouldBe(HttpMethod.Get);
        request.Path.ShouldBe(VersionRootPath + "me");
        request.Query.ShouldBe(new Dictionary<string, string> { ["fields"] = "id,name", ["access_token"] = UserToken }, ignoreOrder: true);
    }

    [Fact]
    public async Task GetPermissions_MixedStatuses_ReturnsEveryGrant()
    {
        var handler = new StubGraphHandler().Json("""
            { "data": [
                { "permission": "pages_show_list", "status": "granted" },
                { "permission": "pages_messaging", "status": "granted" },
                { "permission": "business_management", "status": "declined" },
                { "permission": "email", "status": "expired" } ] }
            """);

        var result = await Create(handler).GetPermissionsAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBe(
        [
            new PermissionGrant("pages_show_list", "granted"),
            new PermissionGrant("pages_messaging", "granted"),
            new PermissionGrant("business_management", "declined"),
            new PermissionGrant("email", "expired"),
        ]);
        result.Value.Count(p => p.IsGranted).ShouldBe(2);
        var request = handler.SingleRequest;
        request.Path.ShouldBe(VersionRootPath + "me/permissions");
        request.Query["access_token"].ShouldBe(UserToken);
    }

    [Fact]
    public async Task GetPermissions_Checkpointed_ReturnsError()
    {
        var handler = new StubGraphHandler().GraphError("""
            { "error": { "message": "You cannot access the app till you log in to www.facebook.com and follow the instructions given.",
                         "type": "OAuthException", "code": 190, "error_subcode": 459, "error_user_title": "Confirm your identity",
                         "fbtrace_id": "B1c2D3" } }
            """);

        var result = await Create(handler).GetPermissionsAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Subcode.ShouldBe(459);
        result.Error.UserTitle.ShouldBe("Confirm your identity");
    }
}
