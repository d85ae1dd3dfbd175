using Npgsql;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// A database of the benchmark's own in the PostgreSQL server that <c>--postgres</c> names, so runs never see each
/// other's rows: created empty (the console's migrations fill it), dropped at the end unless kept for a later run.
/// The database in the given connection string (<c>postgres</c> when it names none) is only used to create and drop.
/// </summary>
public sealed class BenchmarkPostgresDatabase : IAsyncDisposable
{
    private readonly string server;
    private readonly bool keep;

    private BenchmarkPostgresDatabase(string server, string name, string connectionString, bool keep, bool existed)
    {
        this.server = server;
        this.keep = keep;
        Name = name;
        ConnectionString = connectionString;
        Existed = existed;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>True when <c>reuse</c> found the database already there; it was left as it was.</summary>
    public bool Existed { get; }

    /// <summary>Where it lives, for the report: host, port and database, no password.</summary>
    public string Describe()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL database {Name} on {builder.Host}:{builder.Port}";
    }

    /// <param name="name">Null: a fresh name for this run.</param>
    /// <param name="reuse">Keep a database of that name that is already there instead of starting over.</param>
    /// <param name="keep">Leave it in the server at the end, for a later <paramref name="reuse"/>.</param>
    public static async Task<BenchmarkPostgresDatabase> CreateAsync(string server, string? name = null, bool reuse = false, bool keep = false,
        CancellationToken cancellationToken = default)
    {
        name ??= $"omnichat_bench_{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..8]}";
        var builder = new NpgsqlConnectionStringBuilder(server);
        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }
        var maintenance = builder.ConnectionString;
        builder.Database = name;
        var existed = false;
        await using (var connection = new NpgsqlConnection(maintenance))
        {
            await connection.OpenAsync(cancellationToken);
            await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            existed = (long)(await exists.ExecuteScalarAsync(cancellationToken))! > 0;
            if (existed && !reuse)
            {
                await ExecAsync(connection, $"DROP DATABASE \"{name}\" WITH (FORCE)", cancellationToken);
                existed = false;
            }
            if (!existed)
            {
                await ExecAsync(connection, $"CREATE DATABASE \"{name}\"", cancellationToken);
            }
        }
        return new BenchmarkPostgresDatabase(maintenance, name, builder.ConnectionString, keep, existed);
    }

    public async ValueTask DisposeAsync()
    {
        if (keep)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await ExecAsync(connection, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // Dropping a database waits for a checkpoint, which takes its time while another run is writing gigabytes.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
