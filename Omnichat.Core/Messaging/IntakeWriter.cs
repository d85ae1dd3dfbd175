using Microsoft.EntityFrameworkCore;
using Microsoft.Win32.SafeHandles;
using Omnichat.Core.Data;

namespace Omnichat.Core.Messaging;

/// <summary>
/// The hot path of every webhook: one open connection for the intake's whole life, one committed transaction per group
/// of bodies written the provider's way (<see cref="ReceivedDeliveryInsert"/>), no change tracking. Synchronous: it runs
/// on the intake's own threads. Opened through EF, so the provider's connection set-up still applies.
/// </summary>
/// <remarks>
/// With SQLite in write-ahead-log mode the commit and the disk sync are split: this connection commits without
/// syncing (the write lock is free again at once) and <see cref="SyncToDisk"/> then syncs the log file. Rows are only
/// acknowledged after that sync, so an acknowledged body survives a power cut exactly as with <c>synchronous=FULL</c>,
/// while the next group is already being inserted during the sync instead of waiting behind it. SQLite still syncs
/// the log itself wherever its own consistency needs it (before checkpoints, when the log is reused). PostgreSQL's
/// commit itself waits for its log to reach the disk, so there is nothing left to sync.
/// </remarks>
internal sealed class IntakeWriter : IDisposable
{
    private readonly OmnichatDbContext db;
    private readonly ReceivedDeliveryInsert insert;
    private readonly string? logPath;
    private SafeFileHandle? log;

    private IntakeWriter(OmnichatDbContext db, string? logPath)
    {
        this.db = db;
        this.logPath = logPath;
        insert = ReceivedDeliveryInsert.On(db);
    }

    public static IntakeWriter Open(IDbContextFactory<OmnichatDbContext> dbFactory)
    {
        var db = dbFactory.CreateDbContext();
        db.Database.OpenConnection();
        string? logPath = null;
        if (db.Database.IsSqlite() && SqliteWriteAheadLog.IsOn(db))
        {
            SqliteWriteAheadLog.CommitWithoutSync(db);
            logPath = SqliteWriteAheadLog.PathOf(db);
        }
        return new IntakeWriter(db, logPath);
    }

    /// <summary>How many writers the intake runs at once, each with its own connection (<see cref="ReceivedDeliveryInsert.ConcurrentWriters"/>).</summary>
    public static int ConcurrentWriters(IDbContextFactory<OmnichatDbContext> dbFactory)
    {
        using var db = dbFactory.CreateDbContext();
        return ReceivedDeliveryInsert.ConcurrentWriters(db);
    }

    /// <returns>The new rows' ids, in the order of <paramref name="bodies"/>, once committed.</returns>
    public long[] Insert(IReadOnlyList<WebhookIntake.Pending> bodies) => insert.Insert(bodies);

    /// <summary>
    /// Syncs the write-ahead log to disk: every group committed before this call is then durable. Safe to call while
    /// another group is being inserted; that group is covered by the next call.
    /// </summary>
    public void SyncToDisk()
    {
        if (logPath is null)
        {
            return;
        }
        // Opened after the first commit, when the log file is sure to exist; this connection stays open, so SQLite
        // does not delete the file under the handle.
        log ??= File.OpenHandle(logPath, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        RandomAccess.FlushToDisk(log);
    }

    public void Dispose()
    {
        log?.Dispose();
        insert.Dispose();
        db.Dispose();
    }
}
