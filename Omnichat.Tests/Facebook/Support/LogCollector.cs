using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Omnichat.Tests.Facebook.Support;

/// <summary>Keeps every log entry (all levels) in memory, from direct loggers or as a provider in a host.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => entries.ToArray();

    public string AllText => string.Join(Environment.NewLine, Entries.Select(e => e.AllText));

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, entries);

    public ILogger<T> CreateLogger<T>() => new CollectingLogger<T>(new CollectingLogger(typeof(T).FullName!, entries));

    public void Dispose()
    {
    }

    private sealed class CollectingLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var message = formatter(state, exception) + (exception is null ? "" : " " + exception);
            entries.Enqueue(new LogEntry(category, logLevel, message, values));
        }
    }

    private sealed class CollectingLogger<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
