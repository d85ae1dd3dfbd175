using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Omnichat.Core.Messaging;

namespace Omnichat.Core.Data;

/// <summary>
/// SQLite: one prepared INSERT for the intake's whole life, run once per body inside one transaction per group. The
/// database is in this process, so a statement per body costs no round trip; the commit is what is shared.
/// </summary>
internal sealed class SqliteReceivedDeliveryInsert : ReceivedDeliveryInsert
{
    private readonly OmnichatDbContext db;
    private readonly DbCommand insert;
    private readonly DbParameter body;
    private readonly DbParameter receivedAt;

    public SqliteReceivedDeliveryInsert(OmnichatDbContext db)
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

    public override long[] Insert(IReadOnlyList<WebhookIntake.Pending> bodies)
    {
        using var transaction = db.Database.GetDbConnection().BeginTransaction();
        insert.Transaction = transaction;
        var ids = new long[bodies.Count];
        for (var i = 0; i < bodies.Count; i++)
        {
            body.Value = bodies[i].Body;
            receivedAt.Value = bodies[i].ReceivedAt.UtcTicks;
            ids[i] = Convert.ToInt64(insert.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        transaction.Commit();
        return ids;
    }

    public override void Dispose() => insert.Dispose();

    private DbParameter Add(string name)
    {
        var parameter = insert.CreateParameter();
        parameter.ParameterName = name;
        insert.Parameters.Add(parameter);
        return parameter;
    }
}
