using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Omnichat.Console.Telemetry;

/// <summary>
/// A second, minimal web server on <see cref="TelemetryOptions.ManagementUrls"/> that serves the Prometheus scrape and
/// nothing else, without sign-in: the port is meant to be reachable from the scraper's network only. A server of its
/// own rather than more addresses on the console's: none of the console's pages, sign-in or webhooks answer there,
/// and what may be read is decided by which server took the connection, not by a header the caller writes.
/// </summary>
internal sealed class ManagementServer(MeterProvider meterProvider, IOptions<TelemetryOptions> options, ILogger<ManagementServer> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls([.. options.Value.ManagementUrls]);
        server = builder.Build();
        server.UseOpenTelemetryPrometheusScrapingEndpoint(meterProvider, predicate: null, path: TelemetryOptions.MetricsPath,
            configureBranchedPipeline: null, optionsName: null);
        server.Run(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
        await server.StartAsync(cancellationToken);
        logger.LogInformation("Prometheus scrape served without sign-in on {ManagementUrls}{Path}", string.Join(", ", options.Value.ManagementUrls), TelemetryOptions.MetricsPath);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }
    }
}
