using System.Globalization;

namespace Omnichat.Console.Benchmarks;

internal sealed record WebhookBenchmarkOptions(string Url, string Secret, string PageId, int Rate, int Seconds, int Rounds, int RoundSeconds, int Concurrency, int Connections, int WarmUp, string? Database,
    string? Postgres, int Instances, bool Telemetry = false, int OtlpPort = 4318, string? Scrape = null)
{
    public static WebhookBenchmarkOptions Parse(string[] args)
    {
        // --telemetry is a flag without a value; every other option has one.
        var telemetry = args.Contains("--telemetry", StringComparer.OrdinalIgnoreCase);
        args = [.. args.Where(a => !a.Equals("--telemetry", StringComparison.OrdinalIgnoreCase))];
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new WebhookBenchmarkOptions(
            values.GetValueOrDefault("url", "http://127.0.0.1:5000"),
            values.GetValueOrDefault("secret", Sandbox.SandboxCredentials.AppSecret),
            values.GetValueOrDefault("page", "104500000000001"),
            Int("rate", 1000),
            Int("seconds", 10),
            Int("rounds", 6),
            Int("round-seconds", 3),
            Int("concurrency", 32),
            Int("connections", 256),
            Int("warmup", 200),
            values.GetValueOrDefault("db"),
            values.GetValueOrDefault("postgres"),
            Int("instances", 1),
            telemetry,
            Int("otlp-port", 4318),
            values.GetValueOrDefault("scrape"));
    }
}
