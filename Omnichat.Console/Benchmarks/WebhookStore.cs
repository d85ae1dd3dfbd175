using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Omnichat.Console.Benchmarks;

/// <summary>
/// What <c>benchmark webhooks</c> reads back from the console's database, read-only, with plain SQL: the newest delivery
/// id, the backlog, and how often each event's mid was stored since a given id.
/// </summary>
internal sealed class WebhookStore(Func<DbConnection> open, string midOfBody)
{
    public static WebhookStore Sqlite(string path) =>
        new(() => new SqliteConnection($"Data Source={path};Mode=ReadOnly"), "json_extract(CAST(\"Body\" AS TEXT), '$.entry[0].messaging[0].message.mid')");

    public static WebhookStore Postgres(string connectionString) =>
        new(() => new NpgsqlConnection(connectionString), "convert_from(\"Body\", 'UTF8')::jsonb #>> '{entry,0,messaging,0,message,mid}'");

    public long MaxDeliveryId() => Scalar("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"WebhookDeliveries\"");

    public long Backlog() => Scalar("SELECT COUNT(*) FROM \"WebhookDeliveries\" WHERE \"State\" = 'Received'");

    /// <summary>Each mid stored in a delivery after <paramref name="afterId"/>, with the number of deliveries holding it.</summary>
    public Dictionary<string, int> MidsStoredAfter(long afterId)
    {
        using var connection = open();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {midOfBody}, COUNT(*) FROM \"WebhookDeliveries\" WHERE \"Id\" > {afterId.ToString(CultureInfo.InvariantCulture)} GROUP BY 1";
        using var reader = command.ExecuteReader();
        var mids = new Dictionary<string, int>(StringComparer.Ordinal);
        while (reader.Read())
        {
            mids[reader.IsDBNull(0) ? "" : reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        return mids;
    }

    private long Scalar(string sql)
    {
        using var connection = open();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
