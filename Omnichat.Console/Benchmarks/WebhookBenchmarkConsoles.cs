using Omnichat.Console.Endpoints;
using Omnichat.Core.Data;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// For <c>benchmark webhooks --postgres</c>: a database of the run's own in that server and one or more console
/// processes on it, each with the bare comparison endpoint, the schedule and name lookups off (the events go to a page
/// no team connected, so the processor parks them). Started one after the other, so only the first applies the
/// migrations. Killed and dropped at the end.
/// </summary>
internal sealed class WebhookBenchmarkConsoles : IAsyncDisposable
{
    private readonly BenchmarkPostgresDatabase database;
    private readonly List<BenchmarkConsoleProcess> consoles;
    private readonly string folder;

    private WebhookBenchmarkConsoles(BenchmarkPostgresDatabase database, List<BenchmarkConsoleProcess> consoles, string folder)
    {
        this.database = database;
        this.consoles = consoles;
        this.folder = folder;
    }

    public IReadOnlyList<Uri> BaseAddresses => [.. consoles.Select(c => c.BaseAddress)];

    public WebhookStore Store => WebhookStore.Postgres(database.ConnectionString);

    public string Describe() =>
        $"{consoles.Count} console process(es) ({string.Join(", ", consoles.Select(c => $"{c.BaseAddress} pid {c.ProcessId}"))}) on {database.Describe()}";

    /// <summary>With telemetry, each console's management URL (its /metrics for the scraper), in start order.</summary>
    public List<Uri> ManagementUrls { get; } = [];

    public static async Task<WebhookBenchmarkConsoles> StartAsync(string server, int instances, WebhookBenchmarkTelemetry? telemetry,
        CancellationToken cancellationToken)
    {
        var database = await BenchmarkPostgresDatabase.CreateAsync(server, cancellationToken: cancellationToken);
        var folder = Directory.CreateTempSubdirectory("omnichat-webhook-bench-").FullName;
        var consoles = new List<BenchmarkConsoleProcess>();
        var started = new WebhookBenchmarkConsoles(database, consoles, folder);
        try
        {
            for (var i = 0; i < instances; i++)
            {
                var settings = new Dictionary<string, string>
                {
                    ["Database__Provider"] = DatabaseProvider.Postgres,
                    ["ConnectionStrings__Omnichat"] = database.ConnectionString,
                    [FacebookWebhookEndpoints.BareEndpointSetting.Replace(":", "__", StringComparison.Ordinal)] = "true",
                    ["HealthCheck__SchedulerEnabled"] = "false",
                    ["CustomerProfiles__Enabled"] = "false",
                    ["Sandbox__StatePath"] = Path.Combine(folder, $"sandbox-{i}.json"),
                    ["Email__PickupDirectory"] = Path.Combine(folder, $"mail-{i}"),
                };
                if (telemetry is not null)
                {
                    var managementPort = BenchmarkConsoleProcess.FreePort();
                    foreach (var (key, value) in telemetry.SettingsFor(managementPort))
                    {
                        settings[key] = value;
                    }
                    started.ManagementUrls.Add(WebhookBenchmarkTelemetry.ManagementUrl(managementPort));
                }
                consoles.Add(await BenchmarkConsoleProcess.StartAsync(settings, cancellationToken));
            }
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var console in consoles)
        {
            console.Dispose();
        }
        await database.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The OS cleans its temp folder.
        }
    }
}
