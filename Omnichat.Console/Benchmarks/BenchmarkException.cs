namespace Omnichat.Console.Benchmarks;

/// <summary>The benchmark could not set up or run what it measures (a refused API call, a consent that failed).</summary>
public sealed class BenchmarkException(string message) : Exception(message);
