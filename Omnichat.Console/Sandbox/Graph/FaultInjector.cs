using Omnichat.Console.Sandbox.World;

namespace Omnichat.Console.Sandbox.Graph;

/// <summary>Turns the fault settings into latency, rate limits, transient errors and null batch items.</summary>
public sealed class FaultInjector(SandboxWorld world, TimeProvider time)
{
    public FaultSettings Current => world.Read((state, _) => state.Faults);

    public Task DelayAsync(FaultSettings faults, CancellationToken cancellationToken) =>
        faults.LatencyMs > 0 ? Task.Delay(TimeSpan.FromMilliseconds(faults.LatencyMs), time, cancellationToken) : Task.CompletedTask;

    /// <summary>The error to answer instead of the real result, if the faults say so.</summary>
    public static GraphError? Before(FaultSettings faults)
    {
        if (faults.RateLimited)
        {
            return GraphErrors.RateLimited;
        }
        return Happens(faults.TransientErrorRate) ? GraphErrors.Transient : null;
    }

    public static bool DropsBatchItem(FaultSettings faults) => Happens(faults.NullBatchItemRate);

    private static bool Happens(double rate) => rate > 0 && Random.Shared.NextDouble() < rate;
}
