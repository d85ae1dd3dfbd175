using Omnichat.Core.Facebook;
using Omnichat.Core.Health;

namespace Omnichat.Console.Benchmarks;

/// <summary>One full check, as measured: wall time, requests (the checker's count and the sandbox's), memory.</summary>
public sealed record CheckMeasurement(
    bool UseBatch,
    int Connections,
    int Tokens,
    int Concurrency,
    int LatencyMs,
    TimeSpan Elapsed,
    CheckRunSummary Summary,
    long SandboxGraphRequests,
    MemoryUse Memory)
{
    /// <summary>
    /// One <c>debug_token</c> per token and one <c>subscribed_apps</c> per page: ⌈(T+N)/50⌉ batch requests, or T+N
    /// single requests (2N with one token per page).
    /// </summary>
    public int ExpectedRequests => UseBatch
        ? (int)Math.Ceiling((double)(Tokens + Connections) / GraphClient.MaxBatchOperations)
        : Tokens + Connections;

    /// <summary>The least time the requests can take with C in flight and L each: ⌈(T+N)/50⌉·L/C (batched), (T+N)·L/C (unbatched).</summary>
    public TimeSpan Bound => TimeSpan.FromMilliseconds((double)ExpectedRequests * LatencyMs / Concurrency);

    public double RatioToBound => Bound > TimeSpan.Zero ? Elapsed / Bound : double.NaN;
}
