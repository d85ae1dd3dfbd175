using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Omnichat.Tests.Infrastructure;

/// <summary>
/// The real console on Kestrel at 127.0.0.1 with its own SQLite file and sandbox state in a temp folder.
/// The sandbox on the same server is the Facebook the console talks to, over real HTTP.
/// </summary>
public class ConsoleServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> settings = new();
    private readonly List<Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>> serviceChanges = [];

    public ConsoleServer()
    {
        Port = FreePort();
        DataFolder = Directory.CreateTempSubdirectory("omnichat-test-").FullName;
        BaseAddress = new Uri($"http://127.0.0.1:{Port}/");
        settings["Urls"] = BaseAddress.ToString().TrimEnd('/');
        settings["ConnectionStrings:Omnichat"] = $"Data Source={DatabasePath}";
        settings["Sandbox:StatePath"] = Path.Combine(DataFolder, "sandbox.json");
        settings["Email:PickupDirectory"] = Path.Combine(DataFolder, "mail");
        // The hourly schedule would only add start-up time; tests that need it switch it back on.
        settings["HealthCheck:SchedulerEnabled"] = "false";
        UseKestrel(Port);
    }

    public int Port { get; }
    public string DataFolder { get; }
    public Uri BaseAddress { get; }
    public string DatabasePath => Path.Combine(DataFolder, "omnichat.db");
    public LogSink Logs { get; } = new();

    /// <summary>Overrides a configuration key before the server starts.</summary>
    public ConsoleServer With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>Replaces services before the server starts (e.g. a <c>FakeTimeProvider</c> shared by the console and its sandbox).</summary>
    public ConsoleServer WithServices(Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> change)
    {
        serviceChanges.Add(change);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var change in serviceChanges)
        {
            builder.ConfigureServices(change);
        }
        builder.UseEnvironment("Testing");
        // Outside Development the host does not map static web assets (blazor.web.js, MudBlazor's files) from the
        // build output; without them the browser tests' pages never start a circuit.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
    }

    public virtual Task InitializeAsync()
    {
        StartServer();
        return Task.CompletedTask;
    }

    /// <summary>A client that talks to the server over the loopback socket, not the in-memory test server.</summary>
    public HttpClient CreateHttpClient(bool followRedirects = false, CookieContainer? cookies = null)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = followRedirects,
            UseCookies = true,
            CookieContainer = cookies ?? new CookieContainer(),
        };
        return new HttpClient(handler) { BaseAddress = BaseAddress };
    }

    /// <summary>Starts a server of its own for one test; dispose it with <c>await using</c>.</summary>
    public static async Task<ConsoleServer> StartAsync(Action<ConsoleServer>? configure = null)
    {
        var server = new ConsoleServer();
        configure?.Invoke(server);
        await server.InitializeAsync();
        return server;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on shutdown; the temp folder is cleaned by the OS.
        }
    }

    public static int FreeLoopbackPort() => FreePort();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
