using System.Text.Json;
using Omnichat.Core.Data;
using Omnichat.Tests.Infrastructure;

namespace Omnichat.Tests.Postgres;

/// <summary>
/// Two console processes on one PostgreSQL database, as behind a load balancer: each its own data folder and port,
/// started one after the other (the first applies the migrations and seeds the demo world), each killable the hard way.
/// </summary>
public sealed class ConsolePair : IDisposable
{
    private readonly string folder;

    private ConsolePair(string folder, string connectionString, ConsoleProcess a, Uri addressA, ConsoleProcess b, Uri addressB)
    {
        this.folder = folder;
        ConnectionString = connectionString;
        A = a;
        AddressA = addressA;
        B = b;
        AddressB = addressB;
    }

    public string ConnectionString { get; }
    public ConsoleProcess A { get; }
    public Uri AddressA { get; }
    public ConsoleProcess B { get; }
    public Uri AddressB { get; }

    /// <param name="shared">Settings of both (environment variable names), over the PostgreSQL ones.</param>
    /// <param name="onlyA">Settings of A alone, over <paramref name="shared"/>; <paramref name="onlyB"/> likewise.</param>
    public static async Task<ConsolePair> StartAsync(string connectionString, IReadOnlyDictionary<string, string> shared,
        IReadOnlyDictionary<string, string>? onlyA = null, IReadOnlyDictionary<string, string>? onlyB = null,
        Uri? addressA = null, Uri? addressB = null)
    {
        var folder = Directory.CreateTempSubdirectory("omnichat-pair-").FullName;
        addressA ??= new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
        addressB ??= new Uri($"http://127.0.0.1:{ConsoleServer.FreeLoopbackPort()}/");
        var a = await StartOneAsync(addressA, Path.Combine(folder, "a"), connectionString, shared, onlyA);
        try
        {
            var b = await StartOneAsync(addressB, Path.Combine(folder, "b"), connectionString, shared, onlyB);
            return new ConsolePair(folder, connectionString, a, addressA, b, addressB);
        }
        catch
        {
            a.Dispose();
            throw;
        }
    }

    public OmnichatDbContext Database() => OmnichatDatabase.CreateContext(DatabaseProvider.Postgres, ConnectionString);

    /// <summary>The Quartz instance id an instance reports on /healthz ("clustered, instance X").</summary>
    public static async Task<string> SchedulerInstanceAsync(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
        var health = JsonDocument.Parse(await http.GetStringAsync("healthz")).RootElement;
        var detail = health.GetProperty("checks").GetProperty("integrationCheck").GetProperty("detail").GetString() ?? "";
        const string marker = "instance ";
        var at = detail.LastIndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? throw new InvalidOperationException($"No scheduler instance in: {detail}") : detail[(at + marker.Length)..].Trim();
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is cleaned by the OS.
        }
    }

    private static async Task<ConsoleProcess> StartOneAsync(Uri address, string dataFolder, string connectionString,
        IReadOnlyDictionary<string, string> shared, IReadOnlyDictionary<string, string>? only)
    {
        Directory.CreateDirectory(dataFolder);
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Omnichat"] = connectionString,
        };
        foreach (var (key, value) in shared.Concat(only ?? new Dictionary<string, string>()))
        {
            settings[key] = value;
        }
        return await ConsoleProcess.StartAsync(address, dataFolder, settings);
    }
}
