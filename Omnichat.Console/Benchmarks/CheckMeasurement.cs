using Omnichat.Core.Facebook;
using Omnichat.Core.Health;

namespace Omnichat.Console.Benchmarks;

/// <summary>One full check, as measured: wall time, requests (the checker's count and the sandbox's), memory.</summary>
public sealed record CheckMeasurement(
    bool UseBatch,
    int Connections,
    int Concurrency,
    int LatencyMs,
    TimeSpan Elapsed,
    CheckRunSummary Summary,
    long SandboxGraphRequests,
    MemoryUse Memory)
{
    /// <summary>Two calls per page: ⌈2N/50⌉ batch requests, or 2N single requests.</summary>
    public int ExpectedRequests => UseBatch
        ? (int)Math.Ceiling(2.0 * Connections / GraphClient.MaxBatchOperations)
        : 2 * Connections;

    /// <summary>The least time the requests can take with C in flight and L each: ⌈2N/50⌉·L/C (batched), 2N·L/C (unbatched).</summary>
    public TimeSpan Bound => TimeSpan.FromMilliseconds((double)ExpectedRequests * LatencyMs / Concurrency);

    public double RatioToBound => Bound > TimeSpan.Zero ? Elapsed / Bound : double.NaN;
}
