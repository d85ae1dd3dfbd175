using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Omnichat.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Omnichat.Tests.Telemetry;

/// <summary>
/// The real console with telemetry switched on the way an operator does it (<c>Telemetry:Prometheus</c>, the OTLP
/// variables aimed at <see cref="OtlpSink"/>), plus in-memory exporters that let a test read every span and metric.
/// </summary>
public sealed class TelemetryConsole : IAsyncDisposable
{
    private readonly OtlpSink sink;

    private TelemetryConsole(ConsoleServer server, OtlpSink sink, LockedCollection<Activity> spans, LockedCollection<MetricSnapshot> metrics)
    {
        Server = server;
        this.sink = sink;
        Spans = spans;
        Metrics = metrics;
    }

    public ConsoleServer Server { get; }

    public OtlpSink Sink => sink;

    /// <summary>Every finished span, after the console's own processors ran.</summary>
    private LockedCollection<Activity> Spans { get; }

    private LockedCollection<MetricSnapshot> Metrics { get; }

    /// <param name="everyTrace">
    /// Record every trace, so a test can follow any request; false leaves the console's default ratio, which is
    /// what <see cref="SamplingTests"/> checks.
    /// </param>
    public static async Task<TelemetryConsole> StartAsync(Action<ConsoleServer>? configure = null, bool everyTrace = true)
    {
        var sink = new OtlpSink();
        var spans = new LockedCollection<Activity>();
        var metrics = new LockedCollection<MetricSnapshot>();
        try
        {
            var server = await ConsoleServer.StartAsync(s =>
            {
                s.With("Telemetry:Prometheus", "true")
                    .With("OTEL_EXPORTER_OTLP_ENDPOINT", sink.Endpoint)
                    .With("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                    .WithServices(services =>
                    {
                        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
                        services.ConfigureOpenTelemetryMeterProvider(reader => reader.AddInMemoryExporter(metrics));
                    });
                if (everyTrace)
                {
                    s.With("Telemetry:TraceSampleRatio", "1");
                }
                configure?.Invoke(s);
            });
            return new TelemetryConsole(server, sink, spans, metrics);
        }
        catch
        {
            sink.Dispose();
            throw;
        }
    }

    /// <summary>Collects every instrument now, as a scrape would (cumulative: each figure counts from the start).</summary>
    public IReadOnlyList<MetricSnapshot> CollectMetrics()
    {
        lock (Metrics)
        {
            Metrics.Clear();
            // False whenever the Prometheus reader is one of the readers: it only answers scrapes. The in-memory one has exported.
            Server.Services.GetRequiredService<MeterProvider>().ForceFlush();
            return [.. Metrics];
        }
    }

    /// <summary>The points of one instrument, with their labels as a dictionary.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, object?> Labels, MetricPoint Point)> Points(string instrument)
    {
        var points = new List<(IReadOnlyDictionary<string, object?>, MetricPoint)>();
        foreach (var metric in CollectMetrics().Where(m => m.Name == instrument))
        {
            foreach (var point in metric.MetricPoints)
            {
                var labels = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    labels[tag.Key] = tag.Value;
                }
                points.Add((labels, point));
            }
        }
        return points;
    }

    /// <summary>A snapshot of the spans so far (background work keeps adding to the list).</summary>
    public IReadOnlyList<Activity> FinishedSpans()
    {
        Server.Services.GetRequiredService<TracerProvider>().ForceFlush();
        return [.. Spans];
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        sink.Dispose();
    }
}
