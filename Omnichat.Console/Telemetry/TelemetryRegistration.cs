using Microsoft.Extensions.Options;
using Npgsql;
using Omnichat.Core.Deployment;
using Omnichat.Core.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Omnichat.Console.Telemetry;

/// <summary>
/// Wires the OpenTelemetry SDK to Core's instruments and the framework's: OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
/// is set (metrics and sampled spans; logs only when asked, <see cref="OtlpSignals"/>), the Prometheus scrape when
/// <c>Telemetry:Prometheus</c> is true, nothing otherwise (a plain <c>dotnet run</c> collects nothing and stays quiet).
/// </summary>
public static class TelemetryRegistration
{
    public const string ServiceName = "omnichat-console";

    /// <summary>Quartz.NET's own activity source (Quartz 4: one span per job execution).</summary>
    public const string QuartzSourceName = "Quartz";

    /// <summary>The span of one Quartz job execution.</summary>
    public const string QuartzJobName = "Quartz.Job.Execute";

    public static IHostApplicationBuilder AddOmnichatTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.SectionName);
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();

        var settings = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        // A bad value is reported by TelemetryOptionsValidator when the host starts; here it only must not throw.
        var signals = OtlpSignals.Read(builder.Configuration, problems: []);
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.OtlpEndpointKey]);
        var otlpMetrics = otlp && signals.Metrics;
        var traces = otlp && signals.Traces;
        var logs = otlp && signals.Logs;
        if (!otlpMetrics && !traces && !logs && !settings.Prometheus)
        {
            return builder;
        }

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service; instances get an id of their own either way.
                if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]))
                {
                    resource.AddService(ServiceName);
                }
            });
        if (otlpMetrics || settings.Prometheus)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(OmnichatMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (otlpMetrics)
                {
                    metrics.AddOtlpExporter();
                }
                if (settings.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        }
        if (traces)
        {
            // Prometheus is a metrics endpoint; spans leave only through OTLP, so without it none are made.
            telemetry.WithTracing(tracing =>
            {
                // OTEL_TRACES_SAMPLER names one of the SDK's samplers, which then reads it; otherwise ours. A ratio out
                // of range is left to the validator, which stops the start with every problem at once.
                if (string.IsNullOrWhiteSpace(builder.Configuration[TelemetryOptions.SamplerKey]) && settings.HasValidRatio)
                {
                    tracing.SetSampler(RootSampler.ParentBased(settings.TraceSampleRatio));
                }
                tracing.AddSource(OmnichatTracing.SourceName, QuartzSourceName)
                    .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !IsScrape(http))
                    .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = RecordUrlWithoutCredentials)
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddNpgsql()
                    // Before any exporter, so every span is clean when it is handed over.
                    .AddProcessor(new RedactingProcessor())
                    .AddOtlpExporter();
            });
        }
        if (logs)
        {
            telemetry.WithLogging(logging => logging.AddOtlpExporter());
        }
        if (settings.Prometheus && settings.ManagementUrls.Length > 0)
        {
            services.AddHostedService<ManagementServer>();
        }
        return builder;
    }

    /// <summary>
    /// The scrape on the public port, for signed-in support staff only (the scraper itself uses the management port):
    /// after authentication, so the cookie is read. Anyone else goes on to routing, which has no /metrics, and gets
    /// the 404 of any unknown address.
    /// </summary>
    public static WebApplication UseOmnichatMetricsEndpoint(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            return app;
        }
        app.UseOpenTelemetryPrometheusScrapingEndpoint(context => IsScrape(context) && MetricsAccess.IsSupportStaff(context.User));
        return app;
    }

    /// <summary>
    /// The request's URL with its non-secret parameters (fields, limit, the paging cursor: what a reader of the trace
    /// wants to know) and every credential replaced. HttpClient's own redaction would hide them all behind "?*".
    /// </summary>
    private static void RecordUrlWithoutCredentials(System.Diagnostics.Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } url)
        {
            activity.SetTag("url.full", SensitiveQuery.Strip(url.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped)));
        }
    }

    internal static bool IsScrape(HttpContext context) =>
        context.Request.Path.Equals(TelemetryOptions.MetricsPath, StringComparison.OrdinalIgnoreCase);
}
