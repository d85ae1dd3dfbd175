using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Omnichat.Core.Teams;

namespace Omnichat.Core.Data;

/// <summary>
/// Changes between instances over PostgreSQL's LISTEN/NOTIFY: every instance listens on one dedicated connection (its
/// own notifications included, so there is one way in), and publishing is a <c>pg_notify</c> on a pooled one. A
/// notification sent while the listener was reconnecting is never replayed, so after a reconnect every open page of
/// this instance refreshes once. If publishing fails, this instance's pages still hear of the change.
/// </summary>
public sealed class PostgresChangeBus : BackgroundService, IChangeBus
{
    public const string Channel = "omnichat_changes";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    private readonly ChangeRouter router;
    private readonly TimeProvider time;
    private readonly ILogger<PostgresChangeBus> logger;
    private readonly NpgsqlDataSource publisher;
    private readonly string listenConnectionString;

    public PostgresChangeBus(string connectionString, ChangeRouter router, TimeProvider time, ILogger<PostgresChangeBus> logger)
    {
        this.router = router;
        this.time = time;
        this.logger = logger;
        publisher = NpgsqlDataSource.Create(connectionString);
        // Its own connection, outside the pool: a pooled one would be reset (UNLISTEN) whenever it went back.
        listenConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;
    }

    public async Task PublishAsync(string kind, Guid teamId, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = publisher.CreateCommand("SELECT pg_notify(@channel, @payload)");
            command.Parameters.AddWithValue("channel", Channel);
            command.Parameters.AddWithValue("payload", ChangeRouter.Payload(kind, teamId));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Could not tell other instances that {Kind} of team {TeamId} changed; only pages open here refresh", kind, teamId);
            router.Deliver(kind, teamId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var missedSome = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listenConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => router.DeliverPayload(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                if (missedSome)
                {
                    logger.LogInformation("Listening to other instances' changes again; refreshing the pages open here once");
                    router.DeliverToAll();
                    missedSome = false;
                }
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException)
            {
                missedSome = true;
                logger.LogWarning(ex, "Lost the connection that hears other instances' changes; reconnecting in {Delay}", ReconnectDelay);
                await Task.Delay(ReconnectDelay, time, stoppingToken);
            }
        }
    }

    public override void Dispose()
    {
        publisher.Dispose();
        base.Dispose();
    }
}
