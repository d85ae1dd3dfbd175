using Microsoft.Data.Sqlite;

namespace Omnichat.Tests.Isolation;

/// <summary>
/// Every row of every table the console owns, read straight from its SQLite file, so a test can show that a refused
/// call changed nothing at all (not only the row it looked at). Framework bookkeeping is left out: migrations history,
/// Data Protection's key ring and Quartz's tables change for reasons that are not team data.
/// </summary>
public sealed class DatabaseSnapshot
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> tables;

    private DatabaseSnapshot(IReadOnlyDictionary<string, IReadOnlyList<string>> tables) => this.tables = tables;

    public IReadOnlyCollection<string> TableNames => tables.Keys.ToList();

    public int RowCount(string table) => tables[table].Count;

    public static async Task<DatabaseSnapshot> TakeAsync(string databasePath)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        await connection.OpenAsync();
        var names = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        var tables = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        // One read transaction: a writer in between cannot make two tables disagree.
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var name in names.Where(IsTeamData))
        {
            await using var select = connection.CreateCommand();
            select.Transaction = (SqliteTransaction)transaction;
            select.CommandText = $"SELECT * FROM \"{name}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount)
                    .Select(i => $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")));
            }
            rows.Sort(StringComparer.Ordinal);
            tables[name] = rows;
        }
        return new DatabaseSnapshot(tables);
    }

    /// <summary>
    /// Rows added or removed (a changed row is both), per table, as lines a failing test can print; only rows that
    /// mention <paramref name="mentioning"/> (any column, e.g. a team id) when it is given.
    /// </summary>
    public IReadOnlyList<string> ChangesTo(DatabaseSnapshot after, IReadOnlyCollection<string>? exceptTables = null, string? mentioning = null)
    {
        var changes = new List<string>();
        foreach (var name in tables.Keys.Union(after.tables.Keys).Where(n => exceptTables?.Contains(n) != true))
        {
            var before = Mentioning(tables.GetValueOrDefault(name) ?? [], mentioning);
            var now = Mentioning(after.tables.GetValueOrDefault(name) ?? [], mentioning);
            changes.AddRange(before.Except(now).Select(r => $"{name} - {r}"));
            changes.AddRange(now.Except(before).Select(r => $"{name} + {r}"));
        }
        return changes;
    }

    private static IReadOnlyList<string> Mentioning(IReadOnlyList<string> rows, string? text) =>
        text is null ? rows : rows.Where(r => r.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();

    private static bool IsTeamData(string table) =>
        table is not ("__EFMigrationsHistory" or "DataProtectionKeys")
        && !table.StartsWith("QRTZ_", StringComparison.OrdinalIgnoreCase);
}
