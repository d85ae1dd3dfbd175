using Microsoft.Extensions.Configuration;
using Omnichat.Console.Telemetry;

namespace Omnichat.Tests.Telemetry;

/// <summary>The Telemetry section's problems, reported all at once like every other section's.</summary>
public sealed class TelemetryOptionsValidatorTests
{
    private static IReadOnlyList<string> Problems(TelemetryOptions options, string urls = "http://127.0.0.1:5000")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = urls }).Build();
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
}
