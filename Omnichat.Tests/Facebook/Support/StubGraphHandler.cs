using System.Net;
using System.Text;

namespace Omnichat.Tests.Facebook.Support;

/// <summary>
/// Answers the Graph client's requests with queued, documented wire shapes and records what was sent.
/// Error answers carry the headers Meta sends with them (WWW-Authenticate, x-fb-trace-id, facebook-api-version).
/// </summary>
public sealed class StubGraphHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> answers = new();
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? repeatedAnswer;

    public List<RecordedRequest> Requests { get; } = [];

    public RecordedRequest SingleRequest => Requests.ShouldHaveSingleItem();

    public StubGraphHandler Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        Answer(_ => Response(status, json, "application/json; charset=UTF-8"));

    public StubGraphHandler GraphError(string json, HttpStatusCode status = HttpStatusCode.BadRequest, string? traceHeader = "HdrTrace1") =>
        Answer(_ =>
        {
            var response = Response(status, json, "text/javascript; charset=UTF-8");
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", "OAuth \"Facebook Platform\" \"invalid_token\" \"Error\"");
            if (traceHeader is not null)
            {
                response.Headers.TryAddWithoutValidation("x-fb-trace-id", traceHeader);
            }
            response.Headers.TryAddWithoutValidation("facebook-api-version", "v25.0");
            return response;
        });

    public StubGraphHandler Text(string body, HttpStatusCode status, string contentType = "text/html") =>
        Answer(_ => Response(status, body, contentType));

    public StubGraphHandler Answer(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        answers.Enqueue((request, _) => Task.FromResult(answer(request)));
        return this;
    }

    public StubGraphHandler AnswerAsync(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> answer)
    {
        answers.Enqueue(answer);
        return this;
    }

    /// <summary>Used once the queue is empty, for tests that need an endless supply.</summary>
    public StubGraphHandler AnswerEveryTime(Func<HttpRequestMessage, HttpResponseMessage> answer)
    {
        repeatedAnswer = (request, _) => Task.FromResult(answer(request));
        return this;
    }

    public static HttpResponseMessage Response(HttpStatusCode status, string body, string contentType) => new(status)
    {
        Content = new StringContent(body, Encoding.UTF8, MediaTypeWithoutCharset(contentType)),
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body, request.Content?.Headers.ContentType?.MediaType));
        var answer = answers.Count > 0
            ? answers.Dequeue()
            : repeatedAnswer ?? throw new InvalidOperationException($"No answer queued for {request.Method} {request.RequestUri?.AbsolutePath}");
        return await answer(request, cancellationToken);
    }

    private static string MediaTypeWithoutCharset(string contentType) => contentType.Split(';')[0].Trim();
}
