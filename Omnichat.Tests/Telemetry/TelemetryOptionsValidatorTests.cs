using Microsoft.Extensions.Configuration;
using Omnichat.Console.Telemetry;

namespace Omnichat.Tests.Telemetry;

/// <summary>The Telemetry section's problems, reported all at once like every other section's.</summary>
public sealed class TelemetryOptionsValidatorTests
{
    private static IReadOnlyList<string> Problems(TelemetryOptions options, string urls = "http://127.0.0.1:5000", IReadOnlyDictionary<string, string?>? variables = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = urls })
            .AddInMemoryCollection(variables ?? new Dictionary<string, string?>())
            .Build();
        var result = new TelemetryOptionsValidator(configuration).Validate(null, options);
        return result.Failures?.ToList() ?? [];
    }

    [Fact]
    public void Validate_Defaults_AreFine() => Problems(new TelemetryOptions()).ShouldBeEmpty();

    [Fact]
    public void Validate_PrometheusWithAManagementPortOfItsOwn_IsFine() =>
        Problems(new TelemetryOptions { Prometheus = true, ManagementUrls = ["http://0.0.0.0:9464"] }).ShouldBeEmpty();

    [Fact]
    public void Validate_ManagementUrlOnThePublicPort_IsRefused() =>
        Problems(new TelemetryOptions { Prometheus = true, ManagementUrls = ["http://127.0.0.1:5000"] })
            .ShouldHaveSingleItem().ShouldContain("port 5000, which Urls serves to everyone");

    [Fact]
    public void Validate_ManagementUrlsWithoutPrometheus_AndBadUrls_AreAllReported()
    {
        var problems = Problems(new TelemetryOptions { ManagementUrls = ["https://127.0.0.1:9464", "http://127.0.0.1", "http://127.0.0.1:9465/metrics", "nonsense"] });

        problems.Count.ShouldBe(5);
        problems[0].ShouldContain("Telemetry:Prometheus is not true");
        problems.Skip(1).ShouldAllBe(p => p.Contains("must be an absolute http URL with a port and no path"));
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_TraceSampleRatioOutsideZeroToOne_IsRefused(double ratio) =>
        Problems(new TelemetryOptions { TraceSampleRatio = ratio }).ShouldHaveSingleItem().ShouldContain("Telemetry:TraceSampleRatio");

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Validate_TraceSampleRatioAtEitherEnd_IsFine(double ratio) => Problems(new TelemetryOptions { TraceSampleRatio = ratio }).ShouldBeEmpty();

    [Fact]
    public void Validate_ExporterVariablesOtherThanOtlpOrNone_AreAllReported()
    {
        var problems = Problems(new TelemetryOptions(), variables: new Dictionary<string, string?>
        {
            ["OTEL_METRICS_EXPORTER"] = "prometheus",
            ["OTEL_TRACES_EXPORTER"] = "zipkin",
            ["OTEL_LOGS_EXPORTER"] = "console",
        });

        problems.Count.ShouldBe(3);
        problems.ShouldContain(p => p.StartsWith("OTEL_METRICS_EXPORTER='prometheus'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("OTEL_TRACES_EXPORTER='zipkin'", StringComparison.Ordinal));
        problems.ShouldContain(p => p.StartsWith("OTEL_LOGS_EXPORTER='console'", StringComparison.Ordinal));
    }

    [Fact]
    public void Signals_ByDefault_AreMetricsAndTracesButNotLogs_AndEachCanBeSwitched()
    {
        OtlpSignals.Read(new ConfigurationBuilder().Build(), []).ShouldBe(new OtlpSignals(Metrics: true, Traces: true, Logs: false));
        var switched = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_METRICS_EXPORTER"] = "none",
            ["OTEL_TRACES_EXPORTER"] = " None ",
            ["OTEL_LOGS_EXPORTER"] = "OTLP",
        }).Build();
        OtlpSignals.Read(switched, []).ShouldBe(new OtlpSignals(Metrics: false, Traces: false, Logs: true));
    }
}
