using Microsoft.Data.Sqlite;
using Omnichat.Core.Deployment;

namespace Omnichat.Core.Health;

/// <summary>
/// SQLite's job store is not clustered: two instances with the scheduler on over one database file would each fire
/// the check and steal each other's triggers. The first one holds an exclusive lock on a file beside the database for
/// its whole life (the OS drops it when the process dies, kill -9 included); a second one is refused at start.
/// </summary>
internal sealed class SqliteSchedulerLock(string connectionString) : IStartupCheck, IDisposable
{
    private FileStream? held;

    public string LockPath { get; } = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource) + ".scheduler.lock";

    public IEnumerable<string> FindProblems()
    {
        if (held is not null)
        {
            return [];
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
            held = new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return [];
        }
        catch (IOException)
        {
            return [$"Another console instance with the scheduler on is using this SQLite database ({LockPath} is locked). " +
                "SQLite's scheduler is not clustered: run one instance per database file, set HealthCheck:SchedulerEnabled=false " +
                "on the others, or use Database:Provider=Postgres for several instances."];
        }
    }

    public void Dispose() => held?.Dispose();
}
