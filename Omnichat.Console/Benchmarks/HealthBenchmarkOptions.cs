using System.Globalization;

namespace Omnichat.Console.Benchmarks;

/// <summary>What <c>benchmark health</c> measures: N connections, latency L per Graph HTTP request, C batches in flight.</summary>
public sealed record HealthBenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project Omnichat.Console -- benchmark health [options]
          --connections N             connections to check (default 10000)
          --latency-ms L              sandbox latency per Graph HTTP request (default 100)
          --concurrency C             HealthCheck:MaxConcurrency, requests in flight (default 4)
          --tokens-per-page K         1, or 2: a second person authorizes every page, so each has a backup token to verify (default 2)
          --unbatched-connections M   run the unbatched check on M connections and extrapolate to N (default: N, measured)
          --skip-unbatched            only the batched check
          --postgres "CS"             run on the PostgreSQL server CS names, in a database of the benchmark's own (default: a temp SQLite file)
        """;

    public int Connections { get; init; } = 10_000;
    public int LatencyMs { get; init; } = 100;
    public int Concurrency { get; init; } = 4;
    public int TokensPerPage { get; init; } = 2;
    public bool SkipUnbatched { get; init; }
    /// <summary>Null: the unbatched check runs on all <see cref="Connections"/>.</summary>
    public int? UnbatchedConnections { get; init; }
    /// <summary>A PostgreSQL server's connection string; null runs on SQLite.</summary>
    public string? Postgres { get; init; }

    public int UnbatchedCount => Math.Min(UnbatchedConnections ?? Connections, Connections);

    public static bool TryParse(IReadOnlyList<string> args, out HealthBenchmarkOptions options, out string problem)
    {
        options = new HealthBenchmarkOptions();
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--skip-unbatched")
            {
                options = options with { SkipUnbatched = true };
                continue;
            }
            if (name == "--postgres")
            {
                if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
                {
                    problem = "--postgres needs a connection string";
                    return false;
                }
                options = options with { Postgres = args[++i] };
                continue;
            }
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"{name} needs a whole number";
                return false;
            }
            i++;
            switch (name)
            {
                case "--connections" when value is >= 1 and <= 100_000:
                    options = options with { Connections = value };
                    break;
                case "--latency-ms" when value <= 120_000:
                    options = options with { LatencyMs = value };
                    break;
                case "--concurrency" when value is >= 1 and <= 64:
                    options = options with { Concurrency = value };
                    break;
                case "--unbatched-connections" when value >= 1:
                    options = options with { UnbatchedConnections = value };
                    break;
                case "--tokens-per-page" when value is 1 or 2:
                    options = options with { TokensPerPage = value };
                    break;
                case "--connections" or "--latency-ms" or "--concurrency" or "--unbatched-connections" or "--tokens-per-page":
                    problem = $"{name} {value} is out of range";
                    return false;
                default:
                    problem = $"Unknown option {name}";
                    return false;
            }
        }
        return true;
    }
}
