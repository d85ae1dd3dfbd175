using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Core.Health;
using Omnichat.Core.Telemetry;
using Omnichat.Tests.Messaging;
using OpenTelemetry.Trace;

namespace Omnichat.Tests.Telemetry;

/// <summary>
/// What the console traces with its default ratio and when asked otherwise: some requests and every check run, a
/// sampled webhook followed to its processing, and the standard sampler variable deciding when it is set.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class SamplingTests
{
    private const string Body = """{"object":"page","entry":[{"id":"104500000000001","time":1,"messaging":[]}]}""";
    private const string WebhookSpan = "POST /webhooks/facebook";

    [Fact]
    public async Task Defaults_KeepSomeRequests_EveryCheckRun_AndCountEveryRequest()
    {
        await using var console = await TelemetryConsole.StartAsync(everyTrace: false);
        using var driver = new MessengerDriver(console.Server);

        for (var i = 0; i < 300; i++)
        {
            using var refused = await driver.PostWebhookAsync(Body, signature: "sha256=" + new string('0', 64));
            ((int)refused.StatusCode).ShouldBe(403);
        }
        await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);

        var spans = console.FinishedSpans();
        // One in ten of 300 by random trace ids: 30 on average, none or a hundred are beyond any chance.
        spans.Count(s => s.Kind == ActivityKind.Server && s.DisplayName == WebhookSpan).ShouldBeInRange(1, 99);
        spans.ShouldContain(s => s.OperationName == OmnichatTracing.CheckRunName && Equals(s.GetTagItem("check.scope"), "all"),
            "a background run is kept whatever the ratio");
        console.Points("omnichat.webhook.requests").Single(p => Equals(p.Labels["webhook.result"], "bad_signature"))
            .Point.GetSumLong().ShouldBe(300, "metrics count every request, sampled or not");
    }

    [Fact]
    public async Task RatioZero_AWebhookWithASampledTraceParent_IsFollowedToItsProcessing_AndOneWithoutIsNotTraced()
    {
        await using var console = await TelemetryConsole.StartAsync(s => s.With("Telemetry:TraceSampleRatio", "0"));
        using var driver = new MessengerDriver(console.Server);
        var traceId = ActivityTraceId.CreateRandom();

        await PostSignedAsync(console, driver, traceParent: null);
        await driver.AllProcessedAsync();
        await PostSignedAsync(console, driver, traceParent: $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        await driver.AllProcessedAsync();

        var spans = await SpansAfterProcessingAsync(console);
        var intake = spans.Where(s => s.Kind == ActivityKind.Server && s.DisplayName == WebhookSpan).ShouldHaveSingleItem("only the request its caller traced");
        intake.TraceId.ShouldBe(traceId, "the caller's trace goes on here");
        spans.Where(s => s.OperationName == OmnichatTracing.WebhookProcessingName).ShouldHaveSingleItem()
            .Links.ShouldContain(l => l.Context.SpanId == intake.SpanId, "its processing is kept and linked, the other delivery's is not");
    }

    [Fact]
    public async Task StandardSamplerVariable_DecidesInsteadOfTheConsolesSampler()
    {
        await using var console = await TelemetryConsole.StartAsync(s => s.With("OTEL_TRACES_SAMPLER", "always_off"));
        using var driver = new MessengerDriver(console.Server);

        await driver.Service<IntegrationChecker>().CheckAsync(CheckScope.All, null, CancellationToken.None);
        using (var accepted = await driver.PostWebhookAsync(Body))
        {
            accepted.EnsureSuccessStatusCode();
        }

        console.Server.Services.GetService<TracerProvider>().ShouldNotBeNull("tracing is on");
        console.FinishedSpans().ShouldBeEmpty("always_off keeps nothing, not even the check run the console's own sampler keeps");
    }

    /// <summary>
    /// A signed webhook POST with exactly the <c>traceparent</c> given, as a proxy that traces sends it. A client that
    /// writes no trace headers of its own: this process also hosts the console, whose tracer would otherwise have
    /// HttpClient replace the header with the test's own (unsampled) client call.
    /// </summary>
    private static async Task PostSignedAsync(TelemetryConsole console, MessengerDriver driver, string? traceParent)
    {
        using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = console.Server.BaseAddress };
        var body = System.Text.Encoding.UTF8.GetBytes(Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/facebook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(Core.Facebook.WebhookSignature.HeaderName, Core.Facebook.WebhookSignature.Sign(body, driver.AppSecret));
        if (traceParent is not null)
        {
            request.Headers.TryAddWithoutValidation("traceparent", traceParent);
        }
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The processing span ends just after the commit the test saw; wait for it rather than race it.</summary>
    private static async Task<IReadOnlyList<Activity>> SpansAfterProcessingAsync(TelemetryConsole console)
    {
        await Infrastructure.Eventually.TrueAsync(() => console.FinishedSpans().Any(s => s.OperationName == OmnichatTracing.WebhookProcessingName),
            MessengerDriver.Patience, "the processing span ends");
        return console.FinishedSpans();
    }
}
