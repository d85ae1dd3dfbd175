using System.Globalization;
using Omnichat.Console.Benchmarks.Browser;

namespace Omnichat.Console.Benchmarks;

/// <summary>What <c>benchmark channels-page</c> opens: a team with A authorized pages, C of them connected, in a W×H chromium.</summary>
public sealed record ChannelsPageOptions
{
    public const string Usage = """
        Usage: dotnet run -c Release --project Omnichat.Console -- benchmark channels-page [options]
          --authorized A   pages the team's admin authorized (default 500)
          --connected C    how many of them are connected (default 200)
          --runs R         page loads measured, after one warm-up load (default 5)
          --ticks T        checkbox ticks measured per load (default 20)
          --width W        viewport width in CSS pixels (default 1400; 390 for a phone)
          --height H       viewport height (default 900)
          --chromium PATH  the browser (default /usr/bin/chromium)
        """;

    public int Authorized { get; init; } = 500;
    public int Connected { get; init; } = 200;
    public int Runs { get; init; } = 5;
    public int Ticks { get; init; } = 20;
    public int Width { get; init; } = 1400;
    public int Height { get; init; } = 900;
    public string Chromium { get; init; } = DevToolsBrowser.DefaultChromium;

    public static bool TryParse(IReadOnlyList<string> args, out ChannelsPageOptions options, out string problem)
    {
        options = new ChannelsPageOptions();
        problem = "";
        for (var i = 0; i < args.Count; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                problem = $"{name} needs a value";
                return false;
            }
            if (name == "--chromium")
            {
                options = options with { Chromium = args[i + 1] };
                continue;
            }
            if (!int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"{name} needs a whole number";
                return false;
            }
            switch (name)
            {
                case "--authorized" when value is >= 1 and <= BenchmarkWorld.PagesPerOwner:
                    options = options with { Authorized = value };
                    break;
                case "--connected" when value >= 0:
                    options = options with { Connected = value };
                    break;
                case "--runs" when value is >= 1 and <= 100:
                    options = options with { Runs = value };
                    break;
                case "--ticks" when value is >= 1 and <= 1_000:
                    options = options with { Ticks = value };
                    break;
                case "--width" when value is >= 320 and <= 4_000:
                    options = options with { Width = value };
                    break;
                case "--height" when value is >= 320 and <= 4_000:
                    options = options with { Height = value };
                    break;
                case "--authorized" or "--connected" or "--runs" or "--ticks" or "--width" or "--height":
                    problem = $"{name} {value} is out of range";
                    return false;
                default:
                    problem = $"Unknown option {name}";
                    return false;
            }
        }
        if (options.Connected > options.Authorized)
        {
            problem = $"--connected {options.Connected} is more than --authorized {options.Authorized}";
            return false;
        }
        // Unticking what was ticked needs connectable pages on the first page of the list.
        if (options.Authorized - options.Connected < 1)
        {
            problem = "at least one authorized page must be left to connect, to tick";
            return false;
        }
        return true;
    }
}
