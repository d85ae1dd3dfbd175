namespace Omnichat.Console.Benchmarks;

/// <summary>
/// One line of the soak: the process's working set, the managed heap still live after a full collection, what the
/// console did so far, and the database's file size (with its write-ahead log).
/// </summary>
public sealed record SoakSample(TimeSpan Elapsed, long WorkingSet, long LiveHeap, int CheckRuns, long WebhooksAcknowledged,
    long WebhooksRefused, long DatabaseBytes);
