using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Omnichat.Core.Facebook;
using Omnichat.Core.Messaging;

namespace Omnichat.Tests.Infrastructure;

/// <summary>
/// The real console on Kestrel at 127.0.0.1 with its own SQLite file and sandbox state in a temp folder.
/// The sandbox on the same server is the Facebook the console talks to, over real HTTP.
/// </summary>
public class ConsoleServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly Dictionary<string, string?> settings = new();
    private readonly List<Action<IServiceCollection>> serviceChanges = [];
    private string environment = "Development";

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

    /// <summary>
    /// On PostgreSQL instead of a SQLite file: a database of its own in the test run's cluster, or the one given, so
    /// several consoles can share it as a deployment's instances do.
    /// </summary>
    public ConsoleServer WithPostgres(string? connectionString = null) => With("Database:Provider", "Postgres")
        .With("ConnectionStrings:Omnichat", connectionString ?? PostgresServer.Shared.CreateDatabase());

    /// <summary>
    /// No sandbox: the console is a real deployment's and needs a Meta app of its own. Graph and the dialog point at a
    /// closed loopback port, so nothing leaves the machine.
    /// </summary>
    public ConsoleServer WithoutSandbox() => With("Sandbox:Enabled", "false")
        .With("Facebook:AppId", "2000000000000001")
        .With("Facebook:AppSecret", "test-only-app-secret-" + Guid.NewGuid().ToString("N"))
        .With("Facebook:GraphBaseUrl", "http://127.0.0.1:9")
        .With("Facebook:DialogBaseUrl", "http://127.0.0.1:9");

    /// <summary>The hosting environment, Development unless a test checks another one's rules.</summary>
    public ConsoleServer WithEnvironment(string name)
    {
        environment = name;
        return this;
    }

    /// <summary>Replaces services before the server starts (e.g. a <c>FakeTimeProvider</c> shared by the console and its sandbox).</summary>
    public ConsoleServer WithServices(Action<IServiceCollection> change)
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
        // Development, as a newcomer's `dotnet run` (the sandbox and the published demo password); tests of a real
        // deployment's rules choose Production with WithEnvironment.
        builder.UseEnvironment(environment);
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
        // A refused configuration ends Program before the host starts; say why instead of failing later on a closed port.
        if (Logs.Lines.FirstOrDefault(l => l.StartsWith("Critical", StringComparison.Ordinal)) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
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
        var secrets = KnownSecrets();
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
        // Every test server of the run checks its own log on the way out, so no test can leak a secret unnoticed.
        LogSecrets.EnsureNoneIn(Logs.Lines, secrets);
    }

    /// <summary>The secrets this server knew, read while it still runs (a server that never started knows none).</summary>
    private IReadOnlyList<string> KnownSecrets()
    {
        try
        {
            var facebook = Services.GetRequiredService<IOptions<FacebookOptions>>().Value;
            var verifyToken = Services.GetRequiredService<WebhookVerifyToken>();
            var secrets = new List<string> { facebook.AppSecret };
            if (!string.IsNullOrEmpty(facebook.WebhookVerifyToken))
            {
                secrets.Add(facebook.WebhookVerifyToken);
            }
            try
            {
                secrets.Add(verifyToken.Value);
            }
            catch (InvalidOperationException)
            {
                // Start-up stopped before the token was made.
            }
            return secrets;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            return [];
        }
    }

    public static int FreeLoopbackPort() => FreePort();

    private static int FreePort() => LoopbackPorts.Next();
}
