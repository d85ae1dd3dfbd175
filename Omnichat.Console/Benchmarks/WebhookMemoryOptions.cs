using System.Globalization;

namespace Omnichat.Console.Benchmarks;

/// <summary>What <c>benchmark webhook-memory</c> sends: R concurrent POSTs of M megabytes per burst.</summary>
public sealed record WebhookMemoryOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project Omnichat.Console -- benchmark webhook-memory [options]
          --requests R    concurrent POSTs per burst (default 100)
          --megabytes M   size of each body, 1 to 4 (default 4; the endpoint refuses more than 4 MB with 413)
          --settle S      seconds to wait after a burst before the last full collection (default 20; Kestrel hands
                          idle buffers back every 10 s)
        """;

    public int Requests { get; init; } = 100;
    public int Megabytes { get; init; } = 4;
    public int SettleSeconds { get; init; } = 20;

    public long BodyBytes => Megabytes * 1024L * 1024L;

    public static bool TryParse(IReadOnlyList<string> args, out WebhookMemoryOptions options, out string problem)
    {
        options = new WebhookMemoryOptions();
        problem = "";
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
                case "--requests" when value is >= 1 and <= 1_000:
                    options = options with { Requests = value };
                    break;
                case "--megabytes" when value is >= 1 and <= 4:
                    options = options with { Megabytes = value };
                    break;
                case "--settle" when value <= 600:
                    options = options with { SettleSeconds = value };
                    break;
                case "--requests" or "--megabytes" or "--settle":
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
