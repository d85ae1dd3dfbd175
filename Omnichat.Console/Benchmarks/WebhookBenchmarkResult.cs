namespace Omnichat.Console.Benchmarks;

internal sealed record WebhookBenchmarkResult(string Name, int Sent, int Acknowledged, double Throughput, double P50, double P99, double Max)
{
    public static WebhookBenchmarkResult From(double[] latencies, bool[] ok, TimeSpan elapsed)
    {
        var sorted = latencies.Order().ToArray();
        double Percentile(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        var acknowledged = ok.Count(o => o);
        return new WebhookBenchmarkResult("", ok.Length, acknowledged, acknowledged / elapsed.TotalSeconds, Percentile(0.50), Percentile(0.99), sorted.LastOrDefault());
    }
}
