using System.Globalization;

namespace Omnichat.Console.Benchmarks;

/// <summary>What <c>benchmark backfill</c> measures: P pages, each with C conversations of M messages in a one-hour gap, latency L.</summary>
public sealed record BackfillBenchmarkOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project Omnichat.Console -- benchmark backfill [options]
          --pages P            pages read back at the same time, each its own gap (default 1)
          --conversations C    conversations per page updated in the gap (default 200)
          --messages M         customer messages in each of them, at most 20 so all are reachable (default 10)
          --latency-ms L       sandbox latency per Graph HTTP request (default 100)
        """;

    public int Pages { get; init; } = 1;
    public int Conversations { get; init; } = 200;
    public int Messages { get; init; } = 10;
    public int LatencyMs { get; init; } = 100;

    public static bool TryParse(IReadOnlyList<string> args, out BackfillBenchmarkOptions options, out string problem)
    {
        options = new BackfillBenchmarkOptions();
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"{name} needs a whole number";
                return false;
            }
            i++;
            switch (name)
            {
                case "--pages" when value is >= 1 and <= 100:
                    options = options with { Pages = value };
                    break;
                case "--conversations" when value is >= 1 and <= 10_000:
                    options = options with { Conversations = value };
                    break;
                // The Conversations API details only a thread's 20 most recent messages (§17).
                case "--messages" when value is >= 1 and <= 20:
                    options = options with { Messages = value };
                    break;
                case "--latency-ms" when value <= 10_000:
                    options = options with { LatencyMs = value };
                    break;
                case "--pages" or "--conversations" or "--messages" or "--latency-ms":
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
