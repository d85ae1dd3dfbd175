using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Omnichat.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Omnichat.Tests.Telemetry;

/// <summary>
/// What leaves over OTLP: metrics and spans once the endpoint is set, logs only when <c>OTEL_LOGS_EXPORTER=otlp</c>
/// asks for them, and none of a signal its <c>OTEL_*_EXPORTER=none</c> switches off. Checked at the collector's end.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class OtlpExportTests
{
    [Fact]
    public async Task Defaults_ExportMetricsAndSpans_ButNoLogs()
    {
        await using var console = await TelemetryConsole.StartAsync();
        await ALoggedRequestAsync(console);

        console.Server.Services.GetRequiredService<MeterProvider>().ForceFlush();
        console.Server.Services.GetRequiredService<TracerProvider>().ForceFlush();

        await Eventually.TrueAsync(() => console.Sink.PostsTo("/v1/metrics") > 0 && console.Sink.PostsTo("/v1/traces") > 0,
            TimeSpan.FromSeconds(10), "metrics and spans reach the collector");
        console.Server.Services.GetService<LoggerProvider>().ShouldBeNull("no OpenTelemetry logging is set up");
        console.Sink.PostsTo("/v1/logs").ShouldBe(0);
    }

    [Fact]
    public async Task LogsExporterOtlp_ExportsLogs()
    {
        await using var console = await TelemetryConsole.StartAsync(s => s.With("OTEL_LOGS_EXPORTER", "otlp"));
        await ALoggedRequestAsync(console);

        console.Server.Services.GetRequiredService<LoggerProvider>().ForceFlush();

        await Eventually.TrueAsync(() => console.Sink.PostsTo("/v1/logs") > 0, TimeSpan.FromSeconds(10), "the logs reach the collector");
    }

    [Fact]
    public async Task MetricsAndTracesExporterNone_ExportNeither_AndTheScrapeStaysOn()
    {
        await using var console = await TelemetryConsole.StartAsync(s => s.With("OTEL_METRICS_EXPORTER", "none").With("OTEL_TRACES_EXPORTER", "NONE"));
        await ALoggedRequestAsync(console);
        using var support = await console.Server.SignInAsync("support@demo.local");

        console.Server.Services.GetRequiredService<MeterProvider>().ForceFlush();

        console.Server.Services.GetService<TracerProvider>().ShouldBeNull("no spans are made for nobody");
        (await support.GetStringAsync("metrics")).ShouldContain("# TYPE omnichat_webhook_backlog gauge");
        console.Sink.PostsTo("/v1/metrics").ShouldBe(0);
        console.Sink.PostsTo("/v1/traces").ShouldBe(0);
    }

    /// <summary>A request (a span, request metrics) and a warning from the console's own logger.</summary>
    private static async Task ALoggedRequestAsync(TelemetryConsole console)
    {
        using var http = console.Server.CreateHttpClient();
        (await http.GetAsync("healthz")).EnsureSuccessStatusCode();
        console.Server.Services.GetRequiredService<ILogger<OtlpExportTests>>().LogWarning("A warning an operator would want to see");
    }
}
