using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Omnichat.Core.Data;

/// <summary>
/// What the webhook path needs to know about SQLite's write-ahead log. Every pooled connection gets the configured
/// <c>synchronous</c> level back when it is opened (<see cref="SqlitePragmas"/>), so lowering it here only lasts for
/// the context that asked.
/// </summary>
internal static class SqliteWriteAheadLog
{
    public static bool IsOn(OmnichatDbContext db) =>
        string.Equals(db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").Single(), "wal",
            StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Commits on this context's open connection stop waiting for the disk. For work whose loss in a power cut only
    /// means doing it again: the caller either syncs itself before it tells anyone, or its transaction carries its own
    /// "done" mark.
    /// </summary>
    public static void CommitWithoutSync(OmnichatDbContext db)
    {
        db.Database.OpenConnection();
        db.Database.ExecuteSqlRaw("PRAGMA synchronous=NORMAL;");
    }

    public static string PathOf(OmnichatDbContext db) => ((SqliteConnection)db.Database.GetDbConnection()).DataSource + "-wal";
}
