namespace Omnichat.Core.Data;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Omnichat";
    public const string DefaultConnectionString = "Data Source=data/omnichat.db";
    public const string DefaultSqliteSynchronous = "FULL";

    /// <summary>"Sqlite" (the embedded default) or "Postgres".</summary>
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite <c>PRAGMA synchronous</c>: "FULL" (default; survives power loss) or "NORMAL" (survives a killed process).</summary>
    public string SqliteSynchronous { get; set; } = DefaultSqliteSynchronous;
}
