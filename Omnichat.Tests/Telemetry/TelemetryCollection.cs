namespace Omnichat.Tests.Telemetry;

/// <summary>
/// Telemetry tests run alone, after the rest of the suite: OpenTelemetry listens to meters and activity sources by
/// name, process-wide, so a test console would also count another test console's check runs and webhooks. One
/// process is one console in production; here it takes running nothing else at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
