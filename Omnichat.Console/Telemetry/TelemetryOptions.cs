namespace Omnichat.Console.Telemetry;

/// <summary>
/// Configuration section "Telemetry" (README, "Telemetry"). OTLP export is switched on by OpenTelemetry's own
/// variables (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> and friends, <see cref="OtlpSignals"/>), not here; with neither set,
/// nothing is collected.
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The standard variable whose presence turns on the OTLP exporter (metrics and spans; logs when asked, <see cref="OtlpSignals"/>).</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>The standard variable that names a sampler of the SDK's own; when set, it decides instead of <see cref="TraceSampleRatio"/>.</summary>
    public const string SamplerKey = "OTEL_TRACES_SAMPLER";

    public const double DefaultTraceSampleRatio = 0.1;

    /// <summary>The scrape path, served to support staff and on <see cref="ManagementUrls"/> only.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Serve <see cref="MetricsPath"/> in Prometheus's text format.</summary>
    public bool Prometheus { get; set; }

    /// <summary>
    /// Addresses such as <c>http://127.0.0.1:9464</c> that the console also listens on, for the scraper alone: there
    /// <see cref="MetricsPath"/> (and <c>/healthz</c>) answer without sign-in and nothing else is served. Each must have
    /// a port of its own, none of <c>Urls</c>'s, since access is decided by the port a request arrived on.
    /// </summary>
    public string[] ManagementUrls { get; set; } = [];

    /// <summary>
    /// The share of traces the console starts that are recorded, from 0 to 1, decided by trace id
    /// (<see cref="RootSampler"/>: background runs are always recorded, a request's children follow it). The default
    /// keeps one request in ten: recording every one cost the webhook endpoint far more than the 10% allowed.
    /// </summary>
    public double TraceSampleRatio { get; set; } = DefaultTraceSampleRatio;

    /// <summary>Whether <see cref="TraceSampleRatio"/> is a share a sampler can take (NaN is not).</summary>
    internal bool HasValidRatio => TraceSampleRatio is >= 0 and <= 1;
}
