namespace Omnichat.Console.Telemetry;

/// <summary>
/// Which signals leave over OTLP once <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, by the standard variables
/// <c>OTEL_METRICS_EXPORTER</c>, <c>OTEL_TRACES_EXPORTER</c> and <c>OTEL_LOGS_EXPORTER</c> (<c>otlp</c> or <c>none</c>).
/// Metrics and spans are exported unless switched off. Logs only when asked for (<c>OTEL_LOGS_EXPORTER=otlp</c>),
/// unlike OpenTelemetry's default: the issue asks for none, the host's log already has them, and a log level turned up
/// would be exported line by line from every request (README, "Telemetry").
/// </summary>
internal sealed record OtlpSignals(bool Metrics, bool Traces, bool Logs)
{
    public const string MetricsKey = "OTEL_METRICS_EXPORTER";
    public const string TracesKey = "OTEL_TRACES_EXPORTER";
    public const string LogsKey = "OTEL_LOGS_EXPORTER";

    /// <summary>The signals the configuration asks for; a value other than <c>otlp</c> or <c>none</c> is one of <paramref name="problems"/>.</summary>
    public static OtlpSignals Read(IConfiguration configuration, ICollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new OtlpSignals(
            Exported(configuration, MetricsKey, byDefault: true, problems),
            Exported(configuration, TracesKey, byDefault: true, problems),
            Exported(configuration, LogsKey, byDefault: false, problems));
    }

    private static bool Exported(IConfiguration configuration, string key, bool byDefault, ICollection<string> problems)
    {
        var value = configuration[key]?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return byDefault;
        }
        if (value.Equals("otlp", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        problems.Add($"{key}='{value}' is not supported: the console exports over OTLP ('otlp') or not at all ('none').");
        return byDefault;
    }
}
