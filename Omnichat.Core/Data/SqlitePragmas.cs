using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Omnichat.Core.Data;

/// <summary>
/// Per-connection SQLite settings. <c>synchronous</c> FULL (the default) syncs the write-ahead log on every commit, so an
/// acknowledged webhook survives even a power cut; NORMAL syncs only at checkpoints: it survives a killed process but
/// not a lost machine. Meta does not resend what we acknowledged, so FULL stays the default. Set on every open, so a
/// connection lowered for one piece of work (<see cref="SqliteWriteAheadLog"/>) is back to the setting when reused.
/// </summary>
internal sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    /// <summary>
    /// When another connection holds the write lock, SQLite itself waits and retries within milliseconds. Without it
    /// Microsoft.Data.Sqlite retries every 150 ms, and one collision with a background writer shows as a 150 ms
    /// webhook answer.
    /// </summary>
    private const int BusyTimeoutMilliseconds = 5000;

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={synchronous}; PRAGMA busy_timeout={BusyTimeoutMilliseconds};";
        command.ExecuteNonQuery();
    }
}
