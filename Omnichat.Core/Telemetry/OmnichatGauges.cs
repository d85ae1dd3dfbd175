using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Omnichat.Core.Facebook;

namespace Omnichat.Core.Telemetry;

/// <summary>
/// The observable instruments: read only when a collector asks (a scrape, an export), from
/// <see cref="DatabaseGauges"/> (at most one database read a minute) and from <see cref="GraphUsageMonitor"/>.
/// A hosted service only so they exist from the start; it has nothing to run.
/// </summary>
public sealed class OmnichatGauges : IHostedService
{
    public OmnichatGauges(OmnichatMetrics metrics, DatabaseGauges database, GraphUsageMonitor usage, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var meter = metrics.Meter;
        meter.CreateObservableGauge("omnichat.connections", () => Connections(database), "{connection}",
            "Connections by status and cause, read from the database at most once a minute.");
        meter.CreateObservableGauge("omnichat.webhook.backlog", () => Single(database, s => s.WebhookBacklog), "{delivery}",
            "Stored webhook deliveries not processed yet.");
        meter.CreateObservableGauge("omnichat.email.pending", () => Single(database, s => s.PendingEmails), "{email}",
            "Outbox e-mails waiting to be sent or retried.");
        meter.CreateObservableGauge("omnichat.check.last_completed.age", () => LastCheckAge(database, clock), "s",
            "Seconds since any instance last completed a scheduled check run (none: no value).");
        meter.CreateObservableGauge("omnichat.graph.app_usage", () => AppUsage(usage), "%",
            "The last x-app-usage header: percent of the app's limits used, by kind.");
        meter.CreateObservableGauge("omnichat.graph.usage.highest", () => usage.Percent, "%",
            "The highest usage Meta last reported in x-app-usage or x-business-use-case-usage; the check slows down near it.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static IEnumerable<Measurement<int>> Connections(DatabaseGauges database) =>
        database.Current?.Connections.Select(c => new Measurement<int>(c.Count,
            new KeyValuePair<string, object?>("connection.status", LabelValue.Of(c.Status)),
            new KeyValuePair<string, object?>("connection.cause", LabelValue.Of(c.Cause)))) ?? [];

    private static IEnumerable<Measurement<int>> Single(DatabaseGauges database, Func<DatabaseSnapshot, int> read) =>
        database.Current is { } snapshot ? [new Measurement<int>(read(snapshot))] : [];

    private static IEnumerable<Measurement<double>> LastCheckAge(DatabaseGauges database, TimeProvider clock) =>
        database.Current?.LastCheckCompletedAt is { } at ? [new Measurement<double>(Math.Max(0, (clock.GetUtcNow() - at).TotalSeconds))] : [];

    private static IEnumerable<Measurement<int>> AppUsage(GraphUsageMonitor usage) =>
        usage.LastAppUsage is { } app
            ?
            [
                new(app.CallCount, new KeyValuePair<string, object?>("graph.usage", "call_count")),
                new(app.TotalTime, new KeyValuePair<string, object?>("graph.usage", "total_time")),
                new(app.TotalCpuTime, new KeyValuePair<string, object?>("graph.usage", "total_cputime")),
            ]
            : [];
}
