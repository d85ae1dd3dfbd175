using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Core.Telemetry;

namespace Omnichat.Tests.Facebook.Support;

/// <summary>A <see cref="GraphClient"/> wired to a <see cref="StubGraphHandler"/> the way the host wires it to Facebook.</summary>
public static class GraphTestClient
{
    public const string AppId = "257422819769992";
    public const string AppSecret = "app-secret-9f2c1e";
    public const string UserToken = "EAAGm0PX4ZCpsBAUserToken0123456789";
    public const string PageToken = "EAAGm0PX4ZCpsBAPageToken0123456789";
    public const string VersionRootPath = "/sandbox/graph/v25.0/";

    // One meter factory for the whole run, as a host has one: the instruments are recorded, nobody listens.
    private static readonly Lazy<OmnichatMetrics> Metrics = new(() =>
        new OmnichatMetrics(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>()));

    public static FacebookOptions Options() => new()
    {
        AppId = AppId,
        AppSecret = AppSecret,
        GraphApiVersion = "v25.0",
        GraphBaseUrl = "http://127.0.0.1:5999/sandbox/graph",
        DialogBaseUrl = "http://127.0.0.1:5999/sandbox/dialog",
    };

    public static GraphClient Create(StubGraphHandler handler, LogCollector? logs = null, TimeSpan? timeout = null)
    {
        var options = Options();
        var http = new HttpClient(handler) { BaseAddress = options.GraphVersionRoot };
        if (timeout is { } value)
        {
            http.Timeout = value;
        }
        return new GraphClient(http, Microsoft.Extensions.Options.Options.Create(options), new GraphUsageMonitor(), Metrics.Value,
            (logs ?? new LogCollector()).CreateLogger<GraphClient>());
    }
}
