using System.Text.Json;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Core.Messaging;
using Omnichat.Core.Operations;

namespace Omnichat.Console.Endpoints;

/// <summary>
/// Meta's webhook (§6): the GET subscription handshake, and event POSTs that are accepted only with a valid
/// <c>X-Hub-Signature-256</c> over the raw bytes, stored durably, and only then answered 200. Processing comes after.
/// </summary>
public static class FacebookWebhookEndpoints
{
    public const string Path = "/webhooks/facebook";
    /// <summary>Far above any Messenger batch; a body this large is not Meta's.</summary>
    public const int MaxBodyBytes = 4 * 1024 * 1024;
    public const string BarePath = "/webhooks/facebook/bare";
    public const string BareEndpointSetting = "Webhooks:BenchmarkBareEndpoint";

    public static IEndpointRouteBuilder MapFacebookWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Verify).AllowAnonymous();
        app.MapPost(Path, ReceiveAsync).AllowAnonymous().DisableAntiforgery();
        // For the benchmark only (tools/Omnichat.WebhookBench): the same route shape that reads the body and answers
        // 200 without checking or storing anything, so the cost of signature + durable storage can be measured.
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>(BareEndpointSetting))
        {
            app.MapPost(BarePath, async (HttpRequest request, CancellationToken cancellationToken) =>
            {
                await ReadBodyAsync(request, cancellationToken);
                return TypedResults.Text("EVENT_RECEIVED", "text/plain");
            }).AllowAnonymous().DisableAntiforgery();
        }
        return app;
    }

    private static IResult Verify(HttpRequest request, WebhookVerifyToken verifyToken)
    {
        var query = request.Query;
        var challenge = query["hub.challenge"].ToString();
        return query["hub.mode"] == "subscribe" && verifyToken.Matches(query["hub.verify_token"]) && challenge.Length > 0
            ? TypedResults.Text(challenge, "text/plain")
            : TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, WebhookIntake intake, WebhookIntakeHealth intakeHealth,
        IOptions<FacebookOptions> facebook, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        var body = await ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }
        // The raw bytes, before any parsing: Meta signs its escaped text, which re-serialising would change.
        if (!WebhookSignature.IsValid(body, request.Headers[WebhookSignature.HeaderName], facebook.Value.AppSecret))
        {
            loggers.CreateLogger(typeof(FacebookWebhookEndpoints)).LogWarning(
                "Rejected a webhook POST of {Length} bytes with a missing or wrong signature", body.Length);
            return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
        }
        if (!IsJsonObject(body))
        {
            return TypedResults.BadRequest(new { error = "The body is not a JSON object." });
        }
        try
        {
            await intake.StoreAsync(body, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not stored, so not acknowledged: Meta sends it again.
            intakeHealth.RecordRefusal();
            loggers.CreateLogger(typeof(FacebookWebhookEndpoints)).LogError(ex, "A signed webhook could not be stored; answering 503 so Meta retries");
            return TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        return TypedResults.Text("EVENT_RECEIVED", "text/plain");
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream(request.ContentLength is > 0 and <= MaxBodyBytes ? (int)request.ContentLength : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static bool IsJsonObject(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
