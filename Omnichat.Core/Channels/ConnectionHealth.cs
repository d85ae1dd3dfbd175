using Omnichat.Core.Data;

namespace Omnichat.Core.Channels;

/// <summary>
/// What "failing" and "failing since" mean, decided here once for the banner, the channels tab, the e-mail and
/// support's list: a live connection (not disconnected) whose status is not healthy is failing, since the start of its
/// open failure episode. The episode starts when the connection leaves Healthy and lasts while the cause moves on
/// (role lost, then app removed), so its start, not the last status change, is when the page stopped working.
/// </summary>
public static class ConnectionHealth
{
    public static readonly IReadOnlyList<ConnectionStatus> FailingStatuses =
        [.. Enum.GetValues<ConnectionStatus>().Where(IsFailing)];

    public static bool IsFailing(ConnectionStatus status) => status is not (ConnectionStatus.Healthy or ConnectionStatus.Disconnected);

    /// <summary><see cref="IsFailing"/> as a query the database answers.</summary>
    public static IQueryable<PageConnection> Failing(this IQueryable<PageConnection> connections) =>
        connections.Where(c => c.Status != ConnectionStatus.Healthy && c.Status != ConnectionStatus.Disconnected);

    /// <summary>Each connection with the start of its open failure episode (null while it is not failing).</summary>
    public static IQueryable<ConnectionFailingSince> WithFailingSince(OmnichatDbContext db, IQueryable<PageConnection> connections) =>
        from c in connections
        select new ConnectionFailingSince
        {
            Connection = c,
            FailingSince = db.FailureEpisodes
                .Where(e => e.ConnectionId == c.Id && e.EndedAt == null)
                .Select(e => (DateTimeOffset?)e.StartedAt)
                .FirstOrDefault(),
        };
}
