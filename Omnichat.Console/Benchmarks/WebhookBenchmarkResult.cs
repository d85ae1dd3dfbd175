namespace Omnichat.Console.Benchmarks;

/// <summary>One timed run against one endpoint: each request's latency and whether it got its 200.</summary>
internal sealed record RunSample(double[] Latencies, bool[] Ok, TimeSpan Elapsed)
{
    public double Throughput => Ok.Count(o => o) / Elapsed.TotalSeconds;
}

internal sealed record WebhookBenchmarkResult(string Name, int Sent, int Acknowledged, double Throughput, double P50, double P99, double Max)
{
    /// <summary>Several runs against the same endpoint taken together: their requests and their summed time.</summary>
    public static WebhookBenchmarkResult From(string name, IReadOnlyList<RunSample> runs)
    {
        var sorted = runs.SelectMany(r => r.Latencies).Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var acknowledged = runs.Sum(r => r.Ok.Count(o => o));
        var seconds = runs.Sum(r => r.Elapsed.TotalSeconds);
        return new WebhookBenchmarkResult(name, runs.Sum(r => r.Ok.Length), acknowledged, acknowledged / seconds, Percentile(0.50), Percentile(0.99), sorted.LastOrDefault());
    }
}
