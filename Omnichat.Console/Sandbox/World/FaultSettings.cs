namespace Omnichat.Console.Sandbox.World;

/// <summary>Trouble the sandbox adds to Graph calls, set from the control API or panel.</summary>
public sealed record FaultSettings
{
    public int LatencyMs { get; init; }
    /// <summary>Share of Graph calls (0..1) answered with code 2, is_transient, HTTP 500.</summary>
    public double TransientErrorRate { get; init; }
    /// <summary>Every call answers (#4) Application request limit reached.</summary>
    public bool RateLimited { get; init; }
    /// <summary>Share of batch operations (0..1) returned as null, as when Meta's batch times out.</summary>
    public double NullBatchItemRate { get; init; }
    /// <summary>The percentage reported in x-app-usage on normal responses (clients back off near 75-80).</summary>
    public int AppUsagePercent { get; init; }
}
