using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Omnichat.Core.Data;

/// <summary>
/// Per-connection SQLite settings. <c>synchronous</c> FULL (the default) syncs the write-ahead log on every commit, so an
/// acknowledged webhook survives even a power cut; NORMAL syncs only at checkpoints: it survives a killed process but
/// not a lost machine. Meta does not resend what we acknowledged, so FULL stays the default.
/// </summary>
internal sealed class SqlitePragmas(string synchronous) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA synchronous={synchronous};";
        command.ExecuteNonQuery();
    }
}
