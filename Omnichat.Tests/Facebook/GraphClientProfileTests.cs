using Omnichat.Core.Facebook;
using Omnichat.Tests.Facebook.Support;
using static Omnichat.Tests.Facebook.Support.GraphTestClient;

namespace Omnichat.Tests.Facebook;

public sealed class GraphClientProfileTests
{
    private const string Psid = "7100000000000001";

    [Fact]
    public async Task GetCustomerProfile_Found_AsksForTheProfileFieldsWithThePageTokenAndReturnsNames()
    {
        var handler = new StubGraphHandler().Json("""
            { "first_name": "怡君", "last_name": "陳", "profile_pic": "https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=7100000000000001", "id": "7100000000000001" }
            """);

        var result = await Create(handler).GetCustomerProfileAsync(Psid, PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBe(new CustomerProfile(Psid, "怡君", "陳", "https://platform-lookaside.fbsbx.com/platform/profilepic/?psid=7100000000000001"));
        var request = handler.SingleRequest;
        request.Method.ShouldBe(HttpMethod.Get);
        request.Path.ShouldBe(VersionRootPath + Psid);
        request.Query.ShouldBe(new Dictionary<string, string> { ["fields"] = "first_name,last_name,profile_pic", ["access_token"] = PageToken }, ignoreOrder: true);
    }

    [Fact]
    public async Task GetCustomerProfile_NameFieldsLeftOut_ReturnsNullNames()
    {
        var handler = new StubGraphHandler().Json("""{ "id": "7100000000000001" }""");

        var result = await Create(handler).GetCustomerProfileAsync(Psid, PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        (result.Value.FirstName, result.Value.LastName).ShouldBe((null, null));
    }

    [Fact]
    public async Task GetCustomerProfile_PsidOfAnotherPage_Returns100Subcode33()
    {
        var handler = new StubGraphHandler().GraphError("""
            { "error": { "message": "Unsupported get request. Object with ID '7100000000000001' does not exist, cannot be loaded due to missing permissions, or does not support this operation.",
                         "type": "GraphMethodException", "code": 100, "error_subcode": 33, "fbtrace_id": "P33" } }
            """);

        var result = await Create(handler).GetCustomerProfileAsync(Psid, PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        (result.Error.Code, result.Error.Subcode, result.Error.Type).ShouldBe((100, 33, "GraphMethodException"));
    }

    [Fact]
    public async Task GetCustomerProfile_TokenInvalidated_Returns190AndLogsNoToken()
    {
        var logs = new LogCollector();
        var handler = new StubGraphHandler().GraphError("""
            { "error": { "message": "Error validating access token: The session is invalid because the user logged out.",
                         "type": "OAuthException", "code": 190, "error_subcode": 467, "fbtrace_id": "P190" } }
            """);

        var result = await Create(handler, logs).GetCustomerProfileAsync(Psid, PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        (result.Error.Code, result.Error.Subcode).ShouldBe((190, 467));
        logs.AllText.ShouldContain("190");
        logs.AllText.ShouldNotContain(PageToken);
    }

    [Fact]
    public async Task GetCustomerProfile_WithoutPagesMessaging_Returns230()
    {
        var handler = new StubGraphHandler().GraphError("""
            { "error": { "message": "(#230) Requires pages_messaging permission to manage the object", "type": "OAuthException", "code": 230, "fbtrace_id": "P230" } }
            """);

        var result = await Create(handler).GetCustomerProfileAsync(Psid, PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        (result.Error.Code, result.Error.Subcode).ShouldBe((230, null));
    }
}
