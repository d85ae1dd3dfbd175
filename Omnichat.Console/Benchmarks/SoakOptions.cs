using System.Globalization;

namespace Omnichat.Console.Benchmarks;

/// <summary>What <c>benchmark soak</c> runs: N connections checked every S seconds and W webhooks a second, for M minutes.</summary>
public sealed record SoakOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project Omnichat.Console -- benchmark soak [options]
          --minutes M               how long the load runs (default 30)
          --warm-up-minutes U       minutes before the growth is measured (default 5; less than M)
          --connections N           connections the hourly check covers, checked every S seconds here (default 2000)
          --check-seconds S         the check's schedule, a divisor of 60 (default 10)
          --webhooks-per-second W   signed customer messages posted to /webhooks/facebook (default 20; 0 for none)
        """;

    public TimeSpan Duration { get; init; } = TimeSpan.FromMinutes(30);
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromMinutes(5);
    /// <summary>How often a line is printed: a minute, shorter only in tests.</summary>
    public TimeSpan SampleEvery { get; init; } = TimeSpan.FromMinutes(1);
    public int Connections { get; init; } = 2000;
    public int CheckSeconds { get; init; } = 10;
    public int WebhooksPerSecond { get; init; } = 20;

    /// <summary>The growth the issue allows over the run, after the warm-up.</summary>
    public const long TargetGrowthBytes = 20L * 1024 * 1024;

    public static bool TryParse(IReadOnlyList<string> args, out SoakOptions options, out string problem)
    {
        options = new SoakOptions();
        problem = "";
        int? warmUp = null;
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"{name} needs a whole number";
                return false;
            }
            switch (name)
            {
                case "--minutes" when value is >= 2 and <= 24 * 60:
                    options = options with { Duration = TimeSpan.FromMinutes(value) };
                    break;
                case "--warm-up-minutes" when value >= 0:
                    warmUp = value;
                    break;
                case "--connections" when value is >= 1 and <= 100_000:
                    options = options with { Connections = value };
                    break;
                case "--check-seconds" when value is >= 5 and <= 60 && 60 % value == 0:
                    options = options with { CheckSeconds = value };
                    break;
                case "--webhooks-per-second" when value <= 1000:
                    options = options with { WebhooksPerSecond = value };
                    break;
                case "--minutes" or "--warm-up-minutes" or "--connections" or "--check-seconds" or "--webhooks-per-second":
                    problem = $"{name} {value} is out of range";
                    return false;
                default:
                    problem = $"Unknown option {name}";
                    return false;
            }
        }
        var minutes = (int)options.Duration.TotalMinutes;
        var warm = warmUp ?? Math.Min(5, minutes / 3);
        if (warm >= minutes)
        {
            problem = $"--warm-up-minutes {warm} must be less than --minutes {minutes}";
            return false;
        }
        options = options with { WarmUp = TimeSpan.FromMinutes(warm) };
        return true;
    }
}
