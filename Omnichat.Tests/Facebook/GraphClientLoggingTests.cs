using System.Net;
using Microsoft.Extensions.Logging;
using Omnichat.Tests.Facebook.Support;
using static Omnichat.Tests.Facebook.Support.GraphTestClient;

namespace Omnichat.Tests.Facebook;

public sealed class GraphClientLoggingTests
{
    [Fact]
    public async Task EveryCall_FailingInEveryWay_NeverLogsTokensOrSecret()
    {
        var logs = new LogCollector();
        var handler = new StubGraphHandler()
            // A message that echoes the token: the client must still not log it.
            .GraphError($$"""{ "error": { "message": "Invalid token {{UserToken}}", "type": "OAuthException", "code": 190, "fbtrace_id": "L1" } }""")
            .Text("<html>bad gateway</html>", HttpStatusCode.BadGateway)
            .Answer(_ => throw new HttpRequestException(HttpRequestError.ConnectionError, $"refused for ?access_token={PageToken}"))
            .GraphError("""{ "error": { "message": "(#100) Invalid parameter", "type": "OAuthException", "code": 100, "error_subcode": 36009 } }""")
            .GraphError("""{ "error": { "message": "(#10) This message is sent outside of allowed window.", "type": "OAuthException", "code": 10, "error_subcode": 2018278 } }""")
            .Json("""{ "data": { "is_valid": false, "error": { "code": 190, "message": "bad", "subcode": 460 } } }""");
        var client = Create(handler, logs);

        await client.GetMeAsync(UserToken, CancellationToken.None);
        await client.GetPageAccountsAsync(UserToken, CancellationToken.None);
        await client.GetSubscribedAppsAsync("104518538110000", PageToken, CancellationToken.None);
        await client.ExchangeCodeAsync("AQBx-code", "http://127.0.0.1:5999/facebook/oauth/callback", CancellationToken.None);
        await client.SubscribeAppAsync("104518538110000", PageToken, ["messages"], CancellationToken.None);
        await client.DebugTokenAsync(PageToken, CancellationToken.None);

        logs.Entries.Count(e => e.Level >= LogLevel.Warning).ShouldBe(5);
        logs.AllText.ShouldNotContain("EAA");
        logs.AllText.ShouldNotContain(AppSecret);
        logs.AllText.ShouldNotContain("access_token=");
        logs.AllText.ShouldNotContain("?");
    }

    [Fact]
    public async Task FailedCall_GraphError_LogsEndpointCodeSubcodeAndTrace()
    {
        var logs = new LogCollector();
        var handler = new StubGraphHandler().GraphError("""
            { "error": { "message": "Error validating access token: The session is invalid because the user logged out.",
                         "type": "OAuthException", "code": 190, "error_subcode": 467, "fbtrace_id": "Tr4ce" } }
            """);

        await Create(handler, logs).GetSubscribedAppsAsync("104518538110000", PageToken, CancellationToken.None);

        var entry = logs.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Warning);
        entry.State.ShouldContain(new KeyValuePair<string, object?>("Endpoint", "104518538110000/subscribed_apps"));
        entry.State.ShouldContain(new KeyValuePair<string, object?>("Code", 190));
        entry.State.ShouldContain(new KeyValuePair<string, object?>("Subcode", 467));
        entry.State.ShouldContain(new KeyValuePair<string, object?>("FbTraceId", "Tr4ce"));
    }
}
