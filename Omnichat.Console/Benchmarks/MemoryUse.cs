namespace Omnichat.Console.Benchmarks;

/// <summary>Memory before a check and the highest seen while it ran.</summary>
public sealed record MemoryUse(MemoryFigures Baseline, MemoryFigures Peak);
