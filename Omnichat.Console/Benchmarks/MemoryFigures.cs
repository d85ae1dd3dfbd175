namespace Omnichat.Console.Benchmarks;

/// <summary>Bytes: the process working set (resident memory) and the managed GC heap.</summary>
public sealed record MemoryFigures(long WorkingSet, long GcHeap);
