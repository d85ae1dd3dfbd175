namespace Omnichat.Tests.Telemetry;

/// <summary>Telemetry settings a console cannot honour stop its start with every reason, not with the first library's exception.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryStartTests
{
    [Fact]
    public async Task Start_RatioOutOfRangeAndAnUnknownExporter_StopsWithBothReasons()
    {
        // ConsoleServer reports the refusal Program logged (Critical) as it ended.
        var failure = await Should.ThrowAsync<InvalidOperationException>(() =>
            TelemetryConsole.StartAsync(s => s.With("Telemetry:TraceSampleRatio", "2").With("OTEL_LOGS_EXPORTER", "console")));

        failure.Message.ShouldContain("Telemetry:TraceSampleRatio is 2");
        failure.Message.ShouldContain("OTEL_LOGS_EXPORTER='console'");
    }
}
