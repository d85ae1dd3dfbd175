namespace Omnichat.Console.Benchmarks;

/// <summary>
/// One burst of <c>benchmark webhook-memory</c>: how the console answered, what it stored, and the process's memory
/// after a full collection before the burst, the highest sampled during it, and after a full collection once it ended.
/// </summary>
public sealed record WebhookMemoryBurst(
    string Name,
    IReadOnlyDictionary<int, int> Answers,
    int Errors,
    long Stored,
    TimeSpan Elapsed,
    MemoryFigures Before,
    MemoryFigures Peak,
    MemoryFigures After)
{
    public const long MaxGrowthBytes = 50L * 1024 * 1024;

    public long Growth => After.WorkingSet - Before.WorkingSet;

    public bool WithinTarget => Growth <= MaxGrowthBytes;
}
