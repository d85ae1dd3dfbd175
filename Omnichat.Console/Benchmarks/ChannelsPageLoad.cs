using System.Globalization;

namespace Omnichat.Console.Benchmarks;

/// <summary>One load of the channels page in chromium, and the ticks measured on it.</summary>
public sealed record ChannelsPageLoad(
    bool WarmUp,
    TimeSpan Interactive,
    TimeSpan LoadEvent,
    long HtmlBytes,
    int Pictures,
    int AuthorizedRows,
    int ConnectedRows,
    IReadOnlyList<TimeSpan> Ticks)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{(WarmUp ? "warm-up" : "load"),-8} interactive {Interactive.TotalMilliseconds,6:F0} ms, load event {LoadEvent.TotalMilliseconds,6:F0} ms, HTML {HtmlBytes / 1024.0,7:F1} KB, {Pictures,4} pictures, rows {AuthorizedRows} authorized / {ConnectedRows} connected; ticks {string.Join(" ", Ticks.Select(t => t.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)))} ms");
}
