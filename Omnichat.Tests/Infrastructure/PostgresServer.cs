using System.Diagnostics;
using Npgsql;

namespace Omnichat.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL 15 cluster from Debian's package, started once per test run on a free loopback port in a temp
/// folder and stopped when the run ends; each test gets a database of its own. Root cannot run PostgreSQL, so as root
/// the cluster runs as the postgres user. <c>.ci/run</c> installs the package on a fresh machine.
/// </summary>
public sealed class PostgresServer
{
    private const string BinFolder = "/usr/lib/postgresql/15/bin";
    private static readonly Lazy<PostgresServer> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int databases;

    private readonly string folder;

    private PostgresServer(string folder, int port)
    {
        this.folder = folder;
        Port = port;
    }

    public static PostgresServer Shared => Instance.Value;

    public int Port { get; }

    /// <summary>A new, empty database and the connection string the console would be given for it.</summary>
    public string CreateDatabase()
    {
        var name = $"omnichat_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        using (var connection = new NpgsqlConnection(ConnectionString("postgres")))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            command.ExecuteNonQuery();
        }
        return ConnectionString(name);
    }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20";

    private static PostgresServer Start()
    {
        if (!File.Exists(Path.Combine(BinFolder, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinFolder}): apt-get install -y postgresql (.ci/run does).");
        }
        var folder = Directory.CreateTempSubdirectory("omnichat-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var port = LoopbackPorts.Next();
        if (Environment.UserName == "root")
        {
            Run("chown", $"-R postgres:postgres {folder}");
        }
        AsPostgres("initdb", $"-D {data} -A trust -U postgres -E UTF8 --no-locale");
        // fsync off: the tests kill consoles, never this server, and the two cores have better things to do.
        AsPostgres("pg_ctl", $"-D {data} -l {Path.Combine(folder, "server.log")} -w -o \"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300\" start");
        var server = new PostgresServer(folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(data);
        return server;
    }

    private void Stop(string data)
    {
        try
        {
            NpgsqlConnection.ClearAllPools();
            AsPostgres("pg_ctl", $"-D {data} -m immediate -w stop");
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            // The process is ending; the temp folder is the OS's to clean.
        }
    }

    private static void AsPostgres(string tool, string arguments)
    {
        var path = Path.Combine(BinFolder, tool);
        if (Environment.UserName == "root")
        {
            Run("runuser", $"-u postgres -- {path} {arguments}");
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string file, string arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {output.Result}{errors.Result}");
        }
    }
}
