namespace Omnichat.Console.Benchmarks;

/// <summary>
/// One burst of <c>benchmark webhook-memory</c>: how the console answered, what it stored, and the process's memory
/// after a full collection before the burst, the highest sampled during it, after a full collection as soon as it
/// ended, and after one more once the server has had time to hand idle buffers back.
/// </summary>
public sealed record WebhookMemoryBurst(
    string Name,
    IReadOnlyDictionary<int, int> Answers,
    int Errors,
    long Stored,
    TimeSpan Elapsed,
    TimeSpan Settle,
    MemoryFigures Before,
    MemoryFigures Peak,
    MemoryFigures AtOnce,
    MemoryFigures After)
{
    public const long MaxGrowthBytes = 50L * 1024 * 1024;

    /// <summary>The larger of the two readings after the burst, so neither a slow hand-back nor a late allocation hides.</summary>
    public long Growth => Math.Max(AtOnce.WorkingSet, After.WorkingSet) - Before.WorkingSet;

    public bool WithinTarget => Growth <= MaxGrowthBytes;
}
