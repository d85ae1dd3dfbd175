using System.Buffers;
using System.Diagnostics;
using Omnichat.Core.Facebook;
using Omnichat.Core.Messaging;
using Omnichat.Core.Operations;
using Omnichat.Core.Telemetry;

namespace Omnichat.Console.Endpoints;

/// <summary>
/// Meta's webhook (§6): the GET subscription handshake, and event POSTs that are accepted only with a valid
/// <c>X-Hub-Signature-256</c> over the raw bytes, stored durably, and only then answered 200 (<see cref="WebhookReceiver"/>).
/// Processing comes after.
/// </summary>
public static class FacebookWebhookEndpoints
{
    public const string Path = "/webhooks/facebook";
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
                await ReadAndDiscardAsync(request, cancellationToken);
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

    private static async Task<IResult> ReceiveAsync(HttpRequest request, WebhookReceiver receiver, WebhookIntakeHealth intakeHealth,
        OmnichatMetrics metrics, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var header = request.Headers[WebhookSignature.HeaderName];
        var receipt = await receiver.ReceiveAsync(request.Body, request.ContentLength, header.Count == 1 ? header[0] : null, cancellationToken);
        metrics.WebhookAnswered(receipt, Stopwatch.GetElapsedTime(started));
        if (receipt is WebhookReceipt.Busy or WebhookReceipt.NotStoredInTime or WebhookReceipt.NotStored)
        {
            intakeHealth.RecordRefusal();
        }
        return receipt switch
        {
            WebhookReceipt.Stored => TypedResults.Text("EVENT_RECEIVED", "text/plain"),
            WebhookReceipt.TooLarge => TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge),
            WebhookReceipt.SignatureMissing or WebhookReceipt.SignatureWrong => TypedResults.StatusCode(StatusCodes.Status403Forbidden),
            WebhookReceipt.NotJson => TypedResults.BadRequest(new { error = "The body is not a JSON object." }),
            // Busy, not stored in time, not stored: nothing was acknowledged, so Meta sends it again.
            _ => TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }

    /// <summary>Reads the body into a pooled buffer and forgets it: the cost of reading, without checking or storing.</summary>
    private static async Task ReadAndDiscardAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            while (await request.Body.ReadAsync(chunk, cancellationToken) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
