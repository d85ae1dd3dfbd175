using Omnichat.Core.Facebook;
using Omnichat.Tests.Facebook.Support;
using static Omnichat.Tests.Facebook.Support.GraphTestClient;

namespace Omnichat.Tests.Facebook;

public sealed class GraphClientSubscribedAppsTests
{
    private const string PageId = "104518538110000";

    [Fact]
    public async Task SubscribeApp_RequiredFields_PostsFormBodyWithFieldsAndToken()
    {
        var handler = new StubGraphHandler().Json("""{ "success": true }""");

        var result = await Create(handler).SubscribeAppAsync(PageId, PageToken, MessengerWebhookFields.Required.ToList(), CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBeTrue();
        var request = handler.SingleRequest;
        request.Method.ShouldBe(HttpMethod.Post);
        request.Path.ShouldBe(VersionRootPath + PageId + "/subscribed_apps");
        request.Uri.Query.ShouldBeEmpty();
        request.ContentType.ShouldBe("application/x-www-form-urlencoded");
        request.Form.ShouldBe(new Dictionary<string, string>
        {
            ["subscribed_fields"] = "messages,messaging_postbacks,message_echoes,message_deliveries,message_reads,messaging_handovers,standby",
            ["access_token"] = PageToken,
        }, ignoreOrder: true);
    }

    [Fact]
    public async Task SubscribeApp_SuccessAsString_ReturnsTrue()
    {
        var handler = new StubGraphHandler().Json("""{ "success": "true" }""");

        var result = await Create(handler).SubscribeAppAsync(PageId, PageToken, ["messages"], CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBeTrue();
    }

    [Fact]
    public async Task SubscribeApp_SuccessFalse_ReturnsFalse()
    {
        var handler = new StubGraphHandler().Json("""{ "success": false }""");

        var result = await Create(handler).SubscribeAppAsync(PageId, PageToken, ["messages"], CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBeFalse();
    }

    [Fact]
    public async Task SubscribeApp_MissingModerateTask_ReturnsPermissionError()
    {
        var handler = new StubGraphHandler().GraphError("""
            { "error": { "message": "(#200) The user must be an administrator, editor, or moderator of the page in order to impersonate it.",
                         "type": "OAuthException", "code": 200, "fbtrace_id": "P3rm" } }
            """, System.Net.HttpStatusCode.Forbidden);

        var result = await Create(handler).SubscribeAppAsync(PageId, PageToken, ["messages"], CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe(200);
        result.Error.HttpStatus.ShouldBe(403);
    }

    [Fact]
    public async Task GetSubscribedApps_Installed_ReturnsOurAppAndFields()
    {
        var handler = new StubGraphHandler().Json("""
            { "data": [ { "category": "Business", "link": "https://inbox.example.com/", "name": "Acme Inbox Connector", "id": "257422819769992",
                          "subscribed_fields": ["messages", "messaging_postbacks", "message_echoes", "message_deliveries", "message_reads", "messaging_handovers", "standby"] } ] }
            """);

        var result = await Create(handler).GetSubscribedAppsAsync(PageId, PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        var app = result.Value.ShouldHaveSingleItem();
        app.Id.ShouldBe(AppId);
        app.Name.ShouldBe("Acme Inbox Connector");
        app.SubscribedFields.ShouldBe(MessengerWebhookFields.Required);
        var request = handler.SingleRequest;
        request.Method.ShouldBe(HttpMethod.Get);
        request.Path.ShouldBe(VersionRootPath + PageId + "/subscribed_apps");
        request.Query.ShouldBe(new Dictionary<string, string> { ["access_token"] = PageToken });
    }

    [Fact]
    public async Task GetSubscribedApps_Unsubscribed_ReturnsEmptyList()
    {
        var handler = new StubGraphHandler().Json("""{ "data": [] }""");

        var result = await Create(handler).GetSubscribedAppsAsync(PageId, PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task UnsubscribeApp_SuccessWithMessagingSuccess_SendsDeleteAndReturnsTrue()
    {
        var handler = new StubGraphHandler().Json("""{ "success": true, "messaging_success": true }""");

        var result = await Create(handler).UnsubscribeAppAsync(PageId, PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBeTrue();
        var request = handler.SingleRequest;
        request.Method.ShouldBe(HttpMethod.Delete);
        request.Path.ShouldBe(VersionRootPath + PageId + "/subscribed_apps");
        request.Query["access_token"].ShouldBe(PageToken);
    }

    [Fact]
    public async Task UnsubscribeApp_AnswerWithoutSuccess_ReturnsTransportError()
    {
        var handler = new StubGraphHandler().Json("""{ "messaging_success": true }""");

        var result = await Create(handler).UnsubscribeAppAsync(PageId, PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.IsTransport.ShouldBeTrue();
    }
}
