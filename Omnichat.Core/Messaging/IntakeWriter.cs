using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Data;

namespace Omnichat.Core.Messaging;

/// <summary>
/// The hot path of every webhook: one open connection and one prepared INSERT for the intake's whole life, a
/// transaction per group of bodies, no change tracking. Plain SQL that SQLite and PostgreSQL both run; the columns
/// follow the EF model (instants as UTC ticks). Opened through EF, so the provider's connection set-up still applies.
/// </summary>
internal sealed class IntakeWriter : IAsyncDisposable
{
    private readonly OmnichatDbContext db;
    private readonly DbCommand insert;
    private readonly DbParameter body;
    private readonly DbParameter receivedAt;

    private IntakeWriter(OmnichatDbContext db)
    {
        this.db = db;
        insert = db.Database.GetDbConnection().CreateCommand();
        insert.CommandText = """
            INSERT INTO "WebhookDeliveries" ("Body", "ReceivedAt", "State", "Attempts")
            VALUES (@body, @receivedAt, @state, 0) RETURNING "Id"
            """;
        body = Add("@body");
        receivedAt = Add("@receivedAt");
        Add("@state").Value = nameof(WebhookDeliveryState.Received);
    }

    public static async Task<IntakeWriter> OpenAsync(IDbContextFactory<OmnichatDbContext> dbFactory)
    {
        var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.Database.OpenConnectionAsync(CancellationToken.None);
        return new IntakeWriter(db);
    }

    /// <returns>The new rows' ids, in the order of <paramref name="bodies"/>, once committed.</returns>
    public async Task<long[]> InsertAsync(IReadOnlyList<(byte[] Body, DateTimeOffset ReceivedAt)> bodies)
    {
        await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(CancellationToken.None);
        insert.Transaction = transaction;
        var ids = new long[bodies.Count];
        for (var i = 0; i < bodies.Count; i++)
        {
            body.Value = bodies[i].Body;
            receivedAt.Value = bodies[i].ReceivedAt.UtcTicks;
            ids[i] = Convert.ToInt64(await insert.ExecuteScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture);
        }
        await transaction.CommitAsync(CancellationToken.None);
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        await insert.DisposeAsync();
        await db.DisposeAsync();
    }

    private DbParameter Add(string name)
    {
        var parameter = insert.CreateParameter();
        parameter.ParameterName = name;
        insert.Parameters.Add(parameter);
        return parameter;
    }
}
