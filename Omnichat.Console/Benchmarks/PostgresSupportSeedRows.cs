using Npgsql;
using NpgsqlTypes;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// PostgreSQL: a binary <c>COPY</c> per table, each on a connection of its own since one connection runs one COPY at a
/// time, fed row by row as the seed interleaves its tables. Foreign keys and secondary indexes of the seeded tables are
/// set aside first (a COPY on one connection cannot see the parents another has not committed yet, and sorting an index
/// once beats keeping it sorted for 36M rows), then put back exactly as the migrations made them.
/// </summary>
public sealed class PostgresSupportSeedRows : ISupportSeedRows
{
    private readonly NpgsqlConnection admin;
    private readonly List<(string Table, string Name, string Definition)> foreignKeys = [];
    private readonly List<(string Name, string Definition)> indexes = [];
    private readonly Dictionary<SupportSeedTable, (NpgsqlConnection Connection, NpgsqlBinaryImporter Copy)> copies = [];

    public PostgresSupportSeedRows(string connectionString)
    {
        admin = new NpgsqlConnection(connectionString);
        admin.Open();
        var tables = SupportSeedTable.All.Select(t => $"\"{t.Name}\"").ToArray();
        using (var read = new NpgsqlCommand("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE contype = 'f' AND conrelid = ANY(@tables::regclass[])
            """, admin))
        {
            read.Parameters.AddWithValue("tables", tables);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                foreignKeys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }
        using (var read = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
            WHERE i.indrelid = ANY(@tables::regclass[]) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """, admin))
        {
            read.Parameters.AddWithValue("tables", tables);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        foreach (var (table, name, _) in foreignKeys)
        {
            Exec($"ALTER TABLE {table} DROP CONSTRAINT \"{name}\"");
        }
        foreach (var (name, _) in indexes)
        {
            Exec($"DROP INDEX {name}");
        }
        foreach (var table in SupportSeedTable.All)
        {
            var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            var copy = connection.BeginBinaryImport(
                $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            copies[table] = (connection, copy);
        }
    }

    public void Add(SupportSeedTable table, params ReadOnlySpan<object?> values)
    {
        var copy = copies[table].Copy;
        copy.StartRow();
        foreach (var value in values)
        {
            switch (value)
            {
                case null:
                    copy.WriteNull();
                    break;
                case Guid id:
                    copy.Write(id, NpgsqlDbType.Uuid);
                    break;
                case long number:
                    copy.Write(number, NpgsqlDbType.Bigint);
                    break;
                case int number:
                    copy.Write(number, NpgsqlDbType.Integer);
                    break;
                case DateOnly date:
                    copy.Write(date, NpgsqlDbType.Date);
                    break;
                case string text:
                    copy.Write(text, NpgsqlDbType.Text);
                    break;
                default:
                    throw new ArgumentException($"No PostgreSQL type for {value.GetType().Name} in {table.Name}", nameof(values));
            }
        }
    }

    public void Finish()
    {
        foreach (var (_, copy) in copies.Values)
        {
            copy.Complete();
            copy.Dispose();
        }
        Exec("SET maintenance_work_mem = '512MB'");
        foreach (var (_, definition) in indexes)
        {
            Exec(definition);
        }
        foreach (var (table, name, definition) in foreignKeys)
        {
            Exec($"ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {definition}");
        }
        // What autovacuum would do to a table this size: fresh statistics, and the visibility map that index-only scans read.
        Exec("VACUUM ANALYZE");
    }

    public void Dispose()
    {
        foreach (var (connection, copy) in copies.Values)
        {
            copy.Dispose();
            connection.Dispose();
        }
        admin.Dispose();
    }

    private void Exec(string sql)
    {
        using var command = new NpgsqlCommand(sql, admin) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }
}
