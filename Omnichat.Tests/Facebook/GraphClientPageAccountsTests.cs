using System.Net;
using Omnichat.Core.Facebook;
using Omnichat.Tests.Facebook.Support;
using static Omnichat.Tests.Facebook.Support.GraphTestClient;

namespace Omnichat.Tests.Facebook;

public sealed class GraphClientPageAccountsTests
{
    private const string FirstPage = """
        {
          "data": [
            { "id": "104518538110000", "name": "Acme Coffee", "category": "Coffee shop", "access_token": "EAAGm0PX4ZCps...PAGE1",
              "tasks": ["MANAGE", "CREATE_CONTENT", "MODERATE", "MESSAGING", "ADVERTISE", "ANALYZE"],
              "picture": { "data": { "height": 50, "is_silhouette": false, "url": "https://scontent.xx.fbcdn.net/v/p1.jpg", "width": 50 } } }
          ],
          "paging": {
            "cursors": { "before": "QVFIUm1fZA", "after": "QVFIUnd0Y" },
            "next": "https://graph.facebook.com/v25.0/780170842500000/accounts?fields=id&limit=25&access_token=EAAleak&after=QVFIUnd0Y"
          }
        }
        """;

    private const string LastPage = """
        {
          "data": [
            { "id": "109004958110000", "name": "Acme Support", "category": "Software", "access_token": "EAAGm0PX4ZCps...PAGE2",
              "tasks": ["MODERATE", "MESSAGING", "ANALYZE", "ADVERTISE"] }
          ],
          "paging": { "cursors": { "before": "QVFIUnd0Y", "after": "QVFIUlast" } }
        }
        """;

    [Fact]
    public async Task GetPageAccounts_TwoPages_FollowsAfterCursorOnTheConfiguredHost()
    {
        var handler = new StubGraphHandler().Json(FirstPage).Json(LastPage);

        var result = await Create(handler).GetPageAccountsAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.Select(p => p.Id).ShouldBe(["104518538110000", "109004958110000"]);
        handler.Requests.Count.ShouldBe(2);
        handler.Requests.ShouldAllBe(r => r.Uri.Host == "127.0.0.1" && r.Path == VersionRootPath + "me/accounts");
        var first = handler.Requests[0].Query;
        first.ShouldBe(new Dictionary<string, string>
        {
            ["fields"] = "id,name,access_token,tasks,picture",
            ["limit"] = "25",
            ["access_token"] = UserToken,
        }, ignoreOrder: true);
        handler.Requests[1].Query["after"].ShouldBe("QVFIUnd0Y");
        handler.Requests[1].Query["access_token"].ShouldBe(UserToken);
    }

    [Fact]
    public async Task GetPageAccounts_FullItem_MapsTokenTasksAndPicture()
    {
        var handler = new StubGraphHandler().Json(FirstPage).Json(LastPage);

        var result = await Create(handler).GetPageAccountsAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        var coffee = result.Value[0];
        coffee.Name.ShouldBe("Acme Coffee");
        coffee.AccessToken.ShouldBe("EAAGm0PX4ZCps...PAGE1");
        coffee.Tasks.ShouldContain("MANAGE");
        coffee.PictureUrl.ShouldBe("https://scontent.xx.fbcdn.net/v/p1.jpg");
        result.Value[1].PictureUrl.ShouldBeNull();
        coffee.ToString().ShouldNotContain("EAA");
    }

    [Fact]
    public async Task GetPageAccounts_CursorsWithoutNext_StopsAfterOneRequest()
    {
        var handler = new StubGraphHandler().Json(LastPage);

        var result = await Create(handler).GetPageAccountsAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.Count.ShouldBe(1);
        handler.Requests.Count.ShouldBe(1);
        handler.Requests[0].Query.ShouldNotContainKey("after");
    }

    [Fact]
    public async Task GetPageAccounts_NoPagesGranted_ReturnsEmptyList()
    {
        var handler = new StubGraphHandler().Json("""{ "data": [] }""");

        var result = await Create(handler).GetPageAccountsAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        result.Value.ShouldBeEmpty();
    }

    [Fact]
    public async Task GetPageAccounts_SecondPageFails_ReturnsTheError()
    {
        var handler = new StubGraphHandler().Json(FirstPage).GraphError("""
            { "error": { "message": "(#80001) There have been too many calls to this Page account. Wait a bit and try again.",
                         "type": "OAuthException", "code": 80001, "is_transient": true, "fbtrace_id": "Rate1" } }
            """, HttpStatusCode.Forbidden);

        var result = await Create(handler).GetPageAccountsAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe(80001);
        result.Error.IsTransient.ShouldBe(true);
    }

    [Fact]
    public async Task GetPageAccounts_NextForever_StopsAtTheCap()
    {
        var counter = 0;
        var handler = new StubGraphHandler().AnswerEveryTime(_ =>
        {
            counter++;
            return StubGraphHandler.Response(HttpStatusCode.OK, $$"""
                { "data": [ { "id": "{{counter}}", "name": "Page {{counter}}", "tasks": [] } ],
                  "paging": { "cursors": { "before": "b{{counter}}", "after": "a{{counter}}" }, "next": "https://graph.facebook.com/next" } }
                """, "application/json");
        });

        var result = await Create(handler).GetPageAccountsAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        handler.Requests.Count.ShouldBe(GraphClient.MaxAccountPages);
        result.Value.Count.ShouldBe(GraphClient.MaxAccountPages);
    }

    [Fact]
    public async Task GetPageAccounts_SameCursorRepeated_StopsInsteadOfLooping()
    {
        const string stuck = """
            { "data": [ { "id": "1", "name": "One", "tasks": [] } ],
              "paging": { "cursors": { "before": "b", "after": "same" }, "next": "https://graph.facebook.com/next" } }
            """;
        var handler = new StubGraphHandler().Json(stuck).Json(stuck);

        var result = await Create(handler).GetPageAccountsAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeTrue();
        handler.Requests.Count.ShouldBe(2);
    }
}
