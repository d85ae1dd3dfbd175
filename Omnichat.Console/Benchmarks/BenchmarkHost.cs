using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Omnichat.Console.Endpoints;
using Omnichat.Console.Sandbox;
using Omnichat.Core;
using Omnichat.Core.Data;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// The real console (Core services, the sandbox, the request pipeline) on Kestrel at a free 127.0.0.1 port, with a
/// temp SQLite database (or, given a PostgreSQL server, a database of its own there) and sandbox state file, the schedule
/// off and logs at Warning. The Razor pages are mapped only for a benchmark that opens them in a browser (then in the
/// Development environment, as <c>dotnet run</c> is, which serves the static assets from the build output).
/// </summary>
public sealed class BenchmarkHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string folder;
    private readonly BenchmarkPostgresDatabase? postgres;

    private BenchmarkHost(WebApplication app, string folder, Uri baseAddress, BenchmarkPostgresDatabase? postgres)
    {
        this.app = app;
        this.folder = folder;
        this.postgres = postgres;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }
    public IServiceProvider Services => app.Services;
    public GraphRequestCounter GraphRequests => app.Services.GetRequiredService<GraphRequestCounter>();

    public string DatabasePath => Path.Combine(folder, "omnichat.db");

    /// <summary>Which database the console runs on, for the report.</summary>
    public string Database => postgres?.Describe() ?? $"SQLite {DatabasePath}";

    /// <param name="settings">Settings over the benchmark's defaults, e.g. the check's schedule switched on.</param>
    /// <param name="postgresServer">A PostgreSQL server to run on instead of SQLite (see <see cref="BenchmarkPostgresDatabase"/>).</param>
    /// <param name="servePages">Serve the console's pages too, for a browser.</param>
    public static async Task<BenchmarkHost> StartAsync(int concurrency, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? settings = null, string? postgresServer = null, bool servePages = false)
    {
        var folder = Directory.CreateTempSubdirectory("omnichat-bench-").FullName;
        var postgres = postgresServer is null ? null : await BenchmarkPostgresDatabase.CreateAsync(postgresServer, cancellationToken: cancellationToken);
        try
        {
            var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions
            {
                // appsettings.json and the static asset manifest sit beside the assembly, wherever dotnet run was started.
                ContentRootPath = AppContext.BaseDirectory,
                ApplicationName = typeof(BenchmarkHost).Assembly.GetName().Name,
                EnvironmentName = servePages ? Environments.Development : Environments.Production,
            });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Urls"] = baseAddress.ToString().TrimEnd('/'),
                ["ConnectionStrings:Omnichat"] = postgres?.ConnectionString ?? $"Data Source={Path.Combine(folder, "omnichat.db")}",
                ["Database:Provider"] = postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres,
                ["Sandbox:Enabled"] = "true",
                ["Sandbox:StatePath"] = Path.Combine(folder, "sandbox.json"),
                ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
                ["HealthCheck:SchedulerEnabled"] = "false",
                ["HealthCheck:MaxConcurrency"] = concurrency.ToString(CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",
                // Expected here, and noise in a report: no wwwroot beside the build output, Data Protection keys in plain text in a temp database.
                ["Logging:LogLevel:Microsoft.AspNetCore.StaticFiles"] = "Error",
                ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }
            builder.AddOmnichatCore();
            builder.AddOmnichatConsole();
            builder.Services.AddSingleton<GraphRequestCounter>();

            var app = builder.Build();
            await app.PrepareOmnichatAsync();
            var counter = app.Services.GetRequiredService<GraphRequestCounter>();
            app.Use(counter.CountAsync);
            app.UseOmnichatPipeline();
            if (servePages)
            {
                app.MapOmnichatEndpoints();
            }
            else
            {
                app.MapHealthEndpoints();
                app.MapFacebookWebhookEndpoints();
                app.MapFacebookSandbox();
            }
            await app.StartAsync(cancellationToken);
            return new BenchmarkHost(app, folder, baseAddress, postgres);
        }
        catch when (postgres is not null)
        {
            await postgres.DisposeAsync();
            throw;
        }
    }

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(5) };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may hold the file a moment longer; the OS cleans its temp folder.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
