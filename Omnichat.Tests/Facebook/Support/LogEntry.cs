using Microsoft.Extensions.Logging;

namespace Omnichat.Tests.Facebook.Support;

public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)
{
    /// <summary>The rendered message and every structured value, as a log sink would store them.</summary>
    public string AllText => Message + " " + string.Join(" ", State.Select(kv => $"{kv.Key}={kv.Value}"));
}
