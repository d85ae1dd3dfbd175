using System.Net;
using Omnichat.Core.Facebook;
using Omnichat.Tests.Facebook.Support;
using static Omnichat.Tests.Facebook.Support.GraphTestClient;

namespace Omnichat.Tests.Facebook;

public sealed class GraphClientErrorTests
{
    [Fact]
    public async Task AnyCall_FullErrorShape_ReadsEveryField()
    {
        var handler = new StubGraphHandler().GraphError("""
            { "error": {
                "message": "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
                "type": "OAuthException", "code": 190, "error_subcode": 460,
                "error_user_title": "Session expired", "error_user_msg": "Please log in again.",
                "is_transient": false, "fbtrace_id": "AnXK4d44QgU4" } }
            """);

        var result = await Create(handler).GetMeAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.ShouldBe(new GraphError(190, 460,
            "Error validating access token: The session has been invalidated because the user changed their password or Facebook has changed the session for security reasons.",
            "OAuthException", "AnXK4d44QgU4", false, "Session expired", "Please log in again.", 400));
    }

    [Fact]
    public async Task AnyCall_ErrorWithoutSubcodeOrTrace_UsesTraceHeaderAndNullSubcode()
    {
        var handler = new StubGraphHandler().GraphError("""
            { "error": { "message": "Any of the pages_read_engagement, pages_manage_metadata, pages_read_user_content, pages_manage_ads, pages_show_list or pages_messaging permission(s) must be granted before impersonating a user's page.",
                         "type": "OAuthException", "code": 190 } }
            """, traceHeader: "HeaderTrace9");

        var result = await Create(handler).GetSubscribedAppsAsync("104518538110000", PageToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe(190);
        result.Error.Subcode.ShouldBeNull();
        result.Error.IsTransient.ShouldBeNull();
        result.Error.FbTraceId.ShouldBe("HeaderTrace9");
    }

    [Fact]
    public async Task AnyCall_Http200WithErrorObject_ReturnsFailure()
    {
        var handler = new StubGraphHandler().Json("""
            { "error": { "message": "(#2) Service temporarily unavailable", "type": "OAuthException", "code": 2, "is_transient": true, "fbtrace_id": "T2" } }
            """);

        var result = await Create(handler).GetMeAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe(2);
        result.Error.IsTransient.ShouldBe(true);
        result.Error.HttpStatus.ShouldBe(200);
    }

    [Fact]
    public async Task AnyCall_IsTransientAsString_ReadsIt()
    {
        var handler = new StubGraphHandler().GraphError("""
            { "error": { "message": "(#4) Application request limit reached", "type": "OAuthException", "code": 4, "is_transient": "true" } }
            """, HttpStatusCode.Forbidden);

        var result = await Create(handler).GetMeAsync(UserToken, CancellationToken.None);

        result.Error.ShouldNotBeNull();
        result.Error.IsTransient.ShouldBe(true);
    }

    [Fact]
    public async Task AnyCall_Http500HtmlBody_ReturnsTransportErrorWithStatus()
    {
        var handler = new StubGraphHandler().Text("<html><body><h1>500 Internal Server Error</h1></body></html>", HttpStatusCode.InternalServerError);

        var result = await Create(handler).GetMeAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.IsTransport.ShouldBeTrue();
        result.Error.Code.ShouldBe(0);
        result.Error.HttpStatus.ShouldBe(500);
    }

    [Fact]
    public async Task AnyCall_Http502EmptyBody_ReturnsTransportError()
    {
        var handler = new StubGraphHandler().Text("", HttpStatusCode.BadGateway, "text/plain");

        var result = await Create(handler).GetMeAsync(UserToken, CancellationToken.None);

        result.Error.ShouldNotBeNull();
        result.Error.IsTransport.ShouldBeTrue();
        result.Error.HttpStatus.ShouldBe(502);
    }

    [Fact]
    public async Task AnyCall_Http404JsonWithoutError_ReturnsTransportError()
    {
        var handler = new StubGraphHandler().Json("""{ "detail": "not found" }""", HttpStatusCode.NotFound);

        var result = await Create(handler).GetMeAsync(UserToken, CancellationToken.None);

        result.Error.ShouldNotBeNull();
        result.Error.IsTransport.ShouldBeTrue();
        result.Error.HttpStatus.ShouldBe(404);
    }

    [Fact]
    public async Task AnyCall_ServerNeverAnswers_ReturnsTransportErrorAfterTimeout()
    {
        var handler = new StubGraphHandler().AnswerAsync(async (_, ct) =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });

        var result = await Create(handler, timeout: TimeSpan.FromMilliseconds(200)).GetMeAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.IsTransport.ShouldBeTrue();
        result.Error.Message.ShouldContain("in time");
    }

    [Fact]
    public async Task AnyCall_ConnectionRefused_ReturnsTransportError()
    {
        var handler = new StubGraphHandler().Answer(_ =>
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:5999)"));

        var result = await Create(handler).GetMeAsync(UserToken, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.IsTransport.ShouldBeTrue();
        result.Error.Message.ShouldContain("ConnectionError");
    }

    [Fact]
    public async Task AnyCall_CallerCancels_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        var handler = new StubGraphHandler().AnswerAsync(async (_, ct) =>
        {
            await cancellation.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            throw new InvalidOperationException("unreachable");
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Create(handler).GetMeAsync(UserToken, cancellation.Token));
    }

    [Fact]
    public async Task AnyCall_ErrorIsNotAnObject_ReturnsTransportError()
    {
        var handler = new StubGraphHandler().Json("""{ "error": "invalid_request" }""", HttpStatusCode.BadRequest);

        var result = await Create(handler).GetMeAsync(UserToken, CancellationToken.None);

        result.Error.ShouldNotBeNull();
        result.Error.IsTransport.ShouldBeTrue();
    }
}
