using System.Collections.Concurrent;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// For <c>benchmark webhooks --telemetry</c>: what an operator's collector and Prometheus would do, so the run measures
/// the console with its telemetry really working. An OTLP/HTTP receiver on 127.0.0.1 (<c>--otlp-port</c>, 4318 by
/// default) takes the exports and throws them away; every 15 s each console's <c>/metrics</c> is scraped on its
/// management port. Consoles the benchmark starts (<c>--postgres</c>) get the settings themselves; a console started
/// by hand needs them in its environment (<see cref="DescribeSettings"/>) and its management URL as <c>--scrape</c>.
/// </summary>
internal sealed class WebhookBenchmarkTelemetry : IAsyncDisposable
{
    public static readonly TimeSpan ScrapeInterval = TimeSpan.FromSeconds(15);

    private readonly WebApplication receiver;
    private readonly ConcurrentDictionary<string, long> exports = new();
    private readonly List<Uri> scrapeTargets = [];
    private readonly CancellationTokenSource stopping = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Task scraping = Task.CompletedTask;
    private long scrapes;
    private long scrapeFailures;
    private long scrapedBytes;

    private WebhookBenchmarkTelemetry(WebApplication receiver, int otlpPort)
    {
        this.receiver = receiver;
        OtlpEndpoint = $"http://127.0.0.1:{otlpPort}";
    }

    public string OtlpEndpoint { get; }

    public static async Task<WebhookBenchmarkTelemetry> StartAsync(int otlpPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{otlpPort}");
        var app = builder.Build();
        var telemetry = new WebhookBenchmarkTelemetry(app, otlpPort);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            await request.Body.CopyToAsync(Stream.Null);
            telemetry.exports.AddOrUpdate(signal, 1, (_, n) => n + 1);
            // An empty Export*ServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return telemetry;
    }

    /// <summary>The settings that switch a console's telemetry on, aimed at this receiver and at its own management port.</summary>
    public IReadOnlyDictionary<string, string> SettingsFor(int managementPort) => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = OtlpEndpoint,
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["Telemetry__Prometheus"] = "true",
        ["Telemetry__ManagementUrls__0"] = ManagementUrl(managementPort).ToString().TrimEnd('/'),
    };

    public string DescribeSettings(int managementPort) => string.Join(' ', SettingsFor(managementPort).Select(s => $"{s.Key}={s.Value}"));

    public static Uri ManagementUrl(int port) => new($"http://127.0.0.1:{port}/");

    /// <summary>Scrapes each target's <c>/metrics</c> every <see cref="ScrapeInterval"/> until disposed.</summary>
    public void Scrape(IEnumerable<Uri> targets)
    {
        scrapeTargets.AddRange(targets);
        scraping = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(ScrapeInterval);
            do
            {
                foreach (var target in scrapeTargets)
                {
                    try
                    {
                        var text = await http.GetStringAsync(new Uri(target, "metrics"), stopping.Token);
                        Interlocked.Increment(ref scrapes);
                        Interlocked.Add(ref scrapedBytes, text.Length);
                    }
                    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        // Not answered within the client's timeout, or not at all: the run goes on, the report counts it.
                        Interlocked.Increment(ref scrapeFailures);
                    }
                }
            }
            while (await timer.WaitForNextTickAsync(stopping.Token).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
        });
    }

    /// <summary>What the collector and the scraper got: a run whose consoles exported nothing measured nothing.</summary>
    public string Report() =>
        $"telemetry: OTLP exports received {string.Join(", ", exports.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"))}"
        + (exports.IsEmpty ? "NONE (the console is not exporting: check its settings)" : "")
        + $"; {Interlocked.Read(ref scrapes)} scrapes of /metrics ({Interlocked.Read(ref scrapedBytes) / Math.Max(1, Interlocked.Read(ref scrapes)):N0} characters each), {Interlocked.Read(ref scrapeFailures)} failed";

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await scraping;
        await receiver.DisposeAsync();
        http.Dispose();
        stopping.Dispose();
    }
}
