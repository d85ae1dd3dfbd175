using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// SQLite: prepared inserts in one transaction with the disk sync off (a half-written seed is simply seeded again);
/// the check table's indexes are built once at the end, faster than keeping them sorted row by row. Guids as EF stores
/// them (upper-case text), dates as ISO text.
/// </summary>
public sealed class SqliteSupportSeedRows : ISupportSeedRows
{
    private const string CheckIndexes = """
        CREATE INDEX IX_ConnectionChecks_ConnectionId_At ON ConnectionChecks (ConnectionId, At);
        CREATE INDEX IX_ConnectionChecks_TeamId_At ON ConnectionChecks (TeamId, At);
        """;

    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly Dictionary<SupportSeedTable, SqliteCommand> inserts = [];

    public SqliteSupportSeedRows(string connectionString)
    {
        connection = new SqliteConnection(connectionString);
        connection.Open();
        Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;");
        Exec("DROP INDEX IX_ConnectionChecks_ConnectionId_At; DROP INDEX IX_ConnectionChecks_TeamId_At;");
        transaction = connection.BeginTransaction();
        foreach (var table in SupportSeedTable.All)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) "
                + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"${i + 1}"))})";
            for (var i = 1; i <= table.Columns.Count; i++)
            {
                command.Parameters.Add(new SqliteParameter($"${i}", null));
            }
            command.Prepare();
            inserts[table] = command;
        }
    }

    public void Add(SupportSeedTable table, params ReadOnlySpan<object?> values)
    {
        var command = inserts[table];
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] switch
            {
                null => DBNull.Value,
                Guid id => id.ToString().ToUpperInvariant(),
                DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                var value => value,
            };
        }
        command.ExecuteNonQuery();
    }

    public void Finish()
    {
        transaction.Commit();
        Exec(CheckIndexes + "ANALYZE;");
    }

    public void Dispose()
    {
        foreach (var command in inserts.Values)
        {
            command.Dispose();
        }
        transaction.Dispose();
        connection.Dispose();
    }

    private void Exec(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
